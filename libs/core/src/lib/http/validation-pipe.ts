import { Type, ValidationPipe } from '@nestjs/common';
import { ValidationFailedException } from './validation-failed.exception';

/**
 * Strips unknown fields, converts query strings to the DTO types, and reports every bad field.
 * `expectedType` validates against a class the parameter's declared type cannot name (a body
 * class built at run time).
 */
export function createValidationPipe(expectedType?: Type): ValidationPipe {
  return new ValidationPipe({
    expectedType,
    whitelist: true,
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ValidationFailedException.fromValidationErrors(errors),
  });
}
