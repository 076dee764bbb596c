import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { PageQuery } from '@ls/core';

export const TASK_LIST_FIELDS = ['all', 'task_only'] as const;

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
  @ApiPropertyOptional({ enum: TASK_LIST_FIELDS })
  @IsOptional()
  @IsIn(TASK_LIST_FIELDS)
  fields?: (typeof TASK_LIST_FIELDS)[number];
}
