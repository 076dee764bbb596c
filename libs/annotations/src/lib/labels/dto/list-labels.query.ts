import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { PageQuery } from '@ls/core';

export const LABEL_ORDERINGS = ['id', '-id', 'title', '-title', 'created_at', '-created_at'];

export class ListLabelsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsIn(LABEL_ORDERINGS) ordering?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
}
