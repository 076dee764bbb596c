import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, Min } from 'class-validator';
import { toBool } from '@ls/core';
import { IsIdList, IsRoleList } from './comma-lists';

/** Which members `all: true` selects (the filters of the members list). */
export class MemberSelectionQuery {
  @ApiPropertyOptional({ description: 'Member roles, comma-separated (any of them).' })
  @IsOptional()
  @IsRoleList()
  role?: string;

  @ApiPropertyOptional({ description: 'Tag ids, comma-separated (members with any of them).' })
  @IsOptional()
  @IsIdList()
  tags?: string;

  @ApiPropertyOptional({
    description: 'Removed members (true) or current ones (false, the default).',
  })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  is_deleted?: boolean;

  @ApiPropertyOptional({
    description: 'Leave out members who already have access to this project.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  exclude_project_id?: number;

  @ApiPropertyOptional({ description: 'Leave out members of this workspace.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  exclude_workspace_id?: number;

  @ApiPropertyOptional({ description: 'Last activity at or after this time (ISO 8601).' })
  @IsOptional()
  @IsDateString()
  user__last_activity__gte?: string;

  @ApiPropertyOptional({ description: 'Last activity at or before this time (ISO 8601).' })
  @IsOptional()
  @IsDateString()
  user__last_activity__lte?: string;
}
