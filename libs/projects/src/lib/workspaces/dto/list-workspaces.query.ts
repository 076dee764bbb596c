import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { toBool } from '@ls/core';

export const WORKSPACE_ORDERINGS = ['id', 'title', 'created_at', 'updated_at'] as const;

export class ListWorkspacesQuery {
  @ApiPropertyOptional({
    description: "Owners and administrators: also other users' personal workspaces",
  })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  include_all_workspaces?: boolean;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool()) @IsBoolean() is_archived?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool()) @IsBoolean() is_personal?: boolean;

  @ApiPropertyOptional({
    description: `One of ${WORKSPACE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  @IsOptional()
  @Matches(new RegExp(`^-?(${WORKSPACE_ORDERINGS.join('|')})$`), {
    message: `ordering must be one of ${WORKSPACE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  ordering?: string;
}
