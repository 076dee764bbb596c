import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsRequired } from '@ls/core';
import { AssigneesDto } from './assignees.dto';
import { TaskSelectionDto } from './task-selection.dto';

export class BulkAssigneesDto extends AssigneesDto {
  @ApiProperty({ type: TaskSelectionDto })
  @IsRequired()
  @IsObject()
  @ValidateNested()
  @Type(() => TaskSelectionDto)
  selectedItems!: TaskSelectionDto;

  /** Data manager filters (`{conjunction, items}`), applied with `selectedItems` when given. */
  @ApiPropertyOptional() @IsOptional() @IsObject() filters?: { items?: unknown[] } | null;
}
