import { BadRequestException, Injectable, ParseArrayPipe, PipeTransform } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import {
  assertIdListSize,
  flattenValidationErrors,
  ValidationErrors,
  ValidationFailedException,
} from '@ls/core';
import { LabelCreateDto } from './label-create.dto';

const NOT_A_LIST = { non_field_errors: ['Expected a non-empty list of labels.'] };

/**
 * ParseArrayPipe reports an item's errors as strings prefixed with `[index] `: each carries one
 * field and its messages as JSON, so that they come back out as `[index].field` keys.
 */
function itemErrors(errors: ValidationError[]): BadRequestException {
  const fields = Object.entries(flattenValidationErrors(errors));
  return new BadRequestException({ message: fields.map((field) => JSON.stringify(field)) });
}

function listErrors(messages: string | string[]): ValidationFailedException {
  const errors: ValidationErrors = {};
  for (const message of Array.isArray(messages) ? messages : [messages]) {
    const item = /^\[(\d+)\] (\[.*\])$/.exec(message);
    if (!item) return new ValidationFailedException(NOT_A_LIST);
    const [field, fieldMessages] = JSON.parse(item[2]) as [string, string[]];
    errors[`[${item[1]}].${field}`] = fieldMessages;
  }
  return new ValidationFailedException(errors);
}

const validateItems = new ParseArrayPipe({
  items: LabelCreateDto,
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: false,
  exceptionFactory: (errors: ValidationError[] | string | string[]) =>
    typeof errors !== 'string' && errors.some((error) => typeof error !== 'string')
      ? itemErrors(errors as ValidationError[])
      : listErrors(errors as string | string[]),
});

/**
 * The body of `POST /api/labels`: a non-empty list of labels (at most the id-list limit), each
 * validated as {@link LabelCreateDto}; a bad item's fields are named `[index].field`.
 */
@Injectable()
export class LabelItemsPipe implements PipeTransform<unknown, Promise<LabelCreateDto[]>> {
  async transform(body: unknown): Promise<LabelCreateDto[]> {
    if (!Array.isArray(body) || body.length === 0) throw new ValidationFailedException(NOT_A_LIST);
    assertIdListSize('non_field_errors', body);
    return validateItems.transform(body, { type: 'body' }) as Promise<LabelCreateDto[]>;
  }
}
