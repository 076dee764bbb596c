import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '@ls/auth';
import { IsRequired } from '@ls/core';
import { IsRowId } from '../../dto/row-id';

/** `ProjectRoleRequest`. */
export class ProjectRoleInput {
  @ApiProperty({ type: 'integer' }) @IsRequired() @IsRowId() project!: number;
  @ApiProperty({ type: 'integer' }) @IsRequired() @IsRowId() user!: number;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsRequired() @IsIn(MEMBER_ROLES) role!: MemberRole;
}

export const PROJECT_ROLE_ORDERINGS = ['id', 'project', 'user', 'role'] as const;

/** `GET /api/projects/roles/?ids=`: the caller's roles in those projects. */
export class ProjectRolesQuery {
  @ApiPropertyOptional({ description: 'Comma-separated project ids' })
  @IsOptional()
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'ids must be comma-separated integers' })
  ids?: string;

  @ApiPropertyOptional({
    description: `One of ${PROJECT_ROLE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  @IsOptional()
  @Matches(new RegExp(`^-?(${PROJECT_ROLE_ORDERINGS.join('|')})$`), {
    message: `ordering must be one of ${PROJECT_ROLE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  ordering?: string;
}
