import { NotFoundException } from '@nestjs/common';
import { ValidationFailedException } from '@ls/core';

export const duplicateUniqueId = () =>
  new ValidationFailedException({ unique_id: ['Annotation with this unique_id already exists.'] });

/**
 * Constraint errors a concurrent writer can cause between our checks and the insert, as the 4xx
 * the checks would have given: a duplicate unique_id, or a task deleted meanwhile; and a result
 * PostgreSQL cannot store.
 */
export function translateWriteError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return duplicateUniqueId();
  // PostgreSQL's jsonb cannot hold the character \u0000 that a JSON string may escape.
  if (code === '22P05') {
    return new ValidationFailedException({
      result: ['Text in a result cannot contain the NUL character (\\u0000).'],
    });
  }
  if (
    code === '23503' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    /FOREIGN KEY/.test(message ?? '')
  ) {
    return new NotFoundException('Not found.');
  }
  return error;
}
