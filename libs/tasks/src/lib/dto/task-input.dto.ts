import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, Min } from 'class-validator';

const REQUIRED = { message: 'This field is required.' };
import { PageQuery } from '@ls/core';

export class PatchTaskDto {
  @ApiPropertyOptional() @IsOptional() @IsObject() data?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsObject() meta?: Record<string, unknown> | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_labeled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_skip?: boolean | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) overlap?: number;
}

export class CreateTaskDto extends PatchTaskDto {
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() project!: number;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsObject() declare data: Record<string, unknown>;
}

export const TASK_LIST_FIELDS = ['all', 'task_only'] as const;

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
  @ApiPropertyOptional({ enum: TASK_LIST_FIELDS })
  @IsOptional()
  @IsIn(TASK_LIST_FIELDS)
  fields?: (typeof TASK_LIST_FIELDS)[number];
}
