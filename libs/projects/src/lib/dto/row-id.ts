import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidationOptions } from 'class-validator';

/** Ids are 32-bit in the database: a larger one names nothing and would fail the query. */
export const MAX_ROW_ID = 2_147_483_647;

/** A positive database id (`{ each: true }`: every item of a list). */
export const IsRowId = (options: ValidationOptions = {}) =>
  applyDecorators(IsInt(options), Min(1, options), Max(MAX_ROW_ID, options));
