import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageQuery, toBool } from '@ls/core';
import { MEMBER_ORDERINGS } from '../member-query';
import { MemberFiltersQuery } from './member-filters.query';

/** `GET /api/projects/{id}/members/paginated/`: filters, ordering and page. */
export class ProjectMembersQuery extends IntersectionType(PageQuery, MemberFiltersQuery) {
  @ApiPropertyOptional({ description: 'Comma-separated list of user IDs to filter by' })
  @IsOptional()
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'ids must be comma-separated integers' })
  ids?: string;

  @ApiPropertyOptional({ description: 'true: only implicit members; false: only explicit ones' })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  implicit?: boolean;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool()) @IsBoolean() no_annotators?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool()) @IsBoolean() with_deleted?: boolean;

  @ApiPropertyOptional({
    description: `One of ${MEMBER_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  @IsOptional()
  @Matches(new RegExp(`^-?(${MEMBER_ORDERINGS.join('|')})$`), {
    message: `ordering must be one of ${MEMBER_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  ordering?: string;
}

/** The deprecated `GET /api/projects/{id}/members/?user_ids=1,2`. */
export class DeprecatedMembersQuery {
  @ApiPropertyOptional({ description: 'Comma-separated list of user IDs to include' })
  @IsOptional()
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'user_ids must be comma-separated integers' })
  user_ids?: string;
}
