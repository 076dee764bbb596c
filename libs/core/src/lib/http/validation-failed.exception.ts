import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { VALIDATION_ERROR_DETAIL, ValidationErrors } from './error-body';

/** A 400 whose body lists each bad field with its messages, as Label Studio's serializers do. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly errors: ValidationErrors) {
    super(VALIDATION_ERROR_DETAIL);
  }

  static fromValidationErrors(errors: ValidationError[]): ValidationFailedException {
    return new ValidationFailedException(flattenValidationErrors(errors));
  }
}

export function flattenValidationErrors(
  errors: ValidationError[],
  parentPath = '',
  into: ValidationErrors = {},
): ValidationErrors {
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into[path] = [...(into[path] ?? []), ...messages];
    if (error.children?.length) flattenValidationErrors(error.children, path, into);
  }
  return into;
}
