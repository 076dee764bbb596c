import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@ls/core';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** `?ids=&search=&page=&page_size=` of the paginated workspace members. */
export class WorkspaceMembersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Comma-separated list of user IDs to filter by' })
  @IsOptional()
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'ids must be comma-separated integers' })
  ids?: string;

  @ApiPropertyOptional({ description: 'A search term.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(256)
  search?: string;
}
