import { ValidationFailedException } from '@ls/core';

/** What a failed import or reimport record shows in `error`: every problem, by field. */
export function failureMessageOf(error: unknown): string {
  if (error instanceof ValidationFailedException) {
    return Object.entries(error.errors)
      .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
      .join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
