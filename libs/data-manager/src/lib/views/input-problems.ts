import { ValidationErrors, ValidationFailedException } from '@ls/core';

/** Collects the problems of one request body by field path, as a 400 lists them. */
export class InputProblems {
  readonly errors: ValidationErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  /** Throws the 400 listing every problem, if there is any. */
  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationFailedException(this.errors);
  }
}
