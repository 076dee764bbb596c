import { BadRequestException, HttpException } from '@nestjs/common';
import { ValidationFailedException } from '@ls/core';
import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { LlmProviderError } from '../providers/llm-provider';

/** The teacher could not give a usable prompt: 424, as a failed model server is elsewhere. */
export class RefineFailed extends HttpException {
  constructor(message: string) {
    super({ detail: message }, 424);
  }
}

/** A failure of the teacher's provider or budget as the HTTP error the caller gets. */
export function refineError(error: unknown): unknown {
  if (error instanceof BudgetExceededError) return new BadRequestException(error.message);
  if (error instanceof LlmProviderError) {
    return new RefineFailed(`The teacher model failed: ${error.message}`);
  }
  return error;
}

/** The message stored for a failed refinement. */
export function failureMessage(error: unknown): string {
  if (error instanceof ValidationFailedException) {
    return Object.entries(error.errors)
      .map(([field, messages]) => `${field}: ${[messages].flat().join(' ')}`)
      .join(' ');
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'object' && body !== null) {
      const detail = (body as { detail?: unknown; message?: unknown }).detail;
      const message = (body as { message?: unknown }).message;
      if (typeof detail === 'string') return detail;
      if (typeof message === 'string') return message;
      return JSON.stringify(body);
    }
    return String(body);
  }
  return error instanceof Error ? error.message : String(error);
}
