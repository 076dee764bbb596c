import { randomUUID } from 'node:crypto';
import { SERVER_VERSION } from '../server-version';

export type ValidationErrors = Record<string, string[]>;

/** Label Studio's error body, returned by every failing request. */
export interface ErrorBody {
  id: string;
  status_code: number;
  version: string;
  detail: string;
  exc_info: null;
  validation_errors?: ValidationErrors;
}

export const VALIDATION_ERROR_DETAIL = 'Validation error';

export function buildErrorBody(
  statusCode: number,
  detail: string,
  validationErrors?: ValidationErrors,
): ErrorBody {
  return {
    id: randomUUID(),
    status_code: statusCode,
    version: SERVER_VERSION.release,
    detail,
    exc_info: null,
    ...(validationErrors ? { validation_errors: validationErrors } : {}),
  };
}
