import { randomUUID } from 'node:crypto';
import { HttpException, Logger } from '@nestjs/common';
import { ValidationFailedException } from '@ls/core';

/** The text a client was (or would have been) answered with for one of our own 4xx errors. */
function clientMessageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const { detail, message } = response as { detail?: unknown; message?: unknown };
  if (typeof detail === 'string') return detail;
  if (typeof message === 'string') return message;
  return error.message;
}

/**
 * What a failed import or reimport record shows in `error`. Our own 4xx errors are shown as the
 * client would read them (every problem, by field). Anything else (a database error, a bug) may
 * hold details that are not the client's to see: the record gets a generic message with an
 * error id, and the detail goes to the log under that id.
 */
export function failureMessageOf(
  error: unknown,
  logger: Logger,
  context: Record<string, unknown>,
): string {
  if (error instanceof ValidationFailedException) {
    return Object.entries(error.errors)
      .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
      .join('\n');
  }
  if (error instanceof HttpException && error.getStatus() < 500) return clientMessageOf(error);
  const errorId = randomUUID();
  logger.error({ err: error, errorId, ...context }, 'Import failed');
  return `Import failed; see the server log (error id ${errorId})`;
}
