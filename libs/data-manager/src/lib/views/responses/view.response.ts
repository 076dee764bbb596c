import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * A data manager view. `data` carries the UI state with the filters, ordering and selection folded
 * back in (as Label Studio's frontend reads them); `ordering` and `selected_items` are also given
 * as the contract's own fields. The contract's `filter_group` is not: Label Studio leaves it out
 * of the representation too, its filters are `data.filters`.
 */
@ApiSchema({ name: 'View' })
export class ViewResponse {
  @ApiProperty({ type: 'integer', readOnly: true }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer', nullable: true }) user!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) order!: number | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'UI state: title, type, target, hiddenColumns, columnsWidth, columnsDisplayType, filters, ordering, selectedItems',
  })
  data!: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: String, isArray: true, nullable: true })
  ordering!: string[] | null;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true })
  selected_items!: Record<string, unknown> | null;
}
