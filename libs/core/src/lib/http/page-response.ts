import { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Page } from './pagination';

/**
 * The OpenAPI class of a `{count, next, previous, results}` page of `item`, named as the contract
 * names it (e.g. `PaginatedLabelList`).
 */
export function PageResponse<T>(item: Type<T>, schemaName: string): Type<Page<T>> {
  @ApiSchema({ name: schemaName })
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: 'integer', example: 123 }) count!: number;
    @ApiProperty({ type: String, format: 'uri', nullable: true }) next!: string | null;
    @ApiProperty({ type: String, format: 'uri', nullable: true }) previous!: string | null;
    @ApiProperty({ type: () => [item] }) results!: T[];
  }
  return PageOfItems;
}
