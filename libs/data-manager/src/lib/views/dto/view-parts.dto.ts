import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * The JSON parts of a view body, checked by `viewChangesOf`, which names the field at fault in
 * its 400.
 */
export class ViewPartsDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'UI state: title, type, target, hiddenColumns, columnsWidth, columnsDisplayType, and filters ({conjunction, items}), ordering, selectedItems',
  })
  @Allow()
  data?: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '{conjunction, filters: [{column, type, operator, value}]}',
  })
  @Allow()
  filter_group?: unknown;

  @ApiPropertyOptional({ type: String, isArray: true, nullable: true })
  @Allow()
  ordering?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @Allow()
  selected_items?: unknown;
}
