import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MEMBER_ROLES } from '@ls/auth';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** A comma list of role codes. */
export const ROLE_LIST = new RegExp(`^(${MEMBER_ROLES.join('|')})(,(${MEMBER_ROLES.join('|')}))*$`);

/** The query filters of bulk member changes (applied with `all=true`). */
export class MemberFiltersQuery {
  @ApiPropertyOptional({
    description: 'Effective roles (project role first, else organization role), comma-separated',
  })
  @IsOptional()
  @Matches(ROLE_LIST, {
    message: `role must be comma-separated codes among ${MEMBER_ROLES.join(', ')}`,
  })
  role?: string;

  @ApiPropertyOptional({ description: 'Search term for name, email or username' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(256)
  search?: string;

  @ApiPropertyOptional({ description: 'Member tag ids, comma-separated (any of)' })
  @IsOptional()
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'tags must be comma-separated integers' })
  tags?: string;

  @ApiPropertyOptional({ description: 'Last activity at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  last_activity__gte?: string;

  @ApiPropertyOptional({ description: 'Last activity at or before (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  last_activity__lte?: string;
}
