import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@ls/core';

export class MemberTagsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Search tags by label (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  search?: string;

  @ApiPropertyOptional({
    description:
      'Which field to use when ordering the results: id, label, created_at, updated_at, member_count (- for descending).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ordering?: string;
}
