import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, toBool } from '@ls/core';

export const TASK_LIST_FIELDS = ['all', 'task_only'] as const;

/** A query string is read whole before validation; the JSON parts stay well under this. */
const MAX_QUERY_JSON = 1024 * 1024;

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() view?: number;

  @ApiPropertyOptional({ description: 'JSON of {filters, selectedItems, ordering}' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_JSON)
  query?: string;

  @ApiPropertyOptional({ description: 'JSON of {all, included|excluded}' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_JSON)
  selectedItems?: string;

  @ApiPropertyOptional({ enum: TASK_LIST_FIELDS })
  @IsOptional()
  @IsIn(TASK_LIST_FIELDS)
  fields?: (typeof TASK_LIST_FIELDS)[number];

  @ApiPropertyOptional({ description: 'Comma-separated task fields to compute' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  include?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  only_annotated?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  resolve_uri?: boolean;
}
