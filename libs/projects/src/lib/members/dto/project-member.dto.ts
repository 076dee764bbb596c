import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '@ls/auth';
import { IsRequired, MAX_IDS_PER_REQUEST, tooManyIdsMessage } from '@ls/core';
import { MemberSelectionDto } from '../../dto/member-selection.dto';
import { IsRowId } from '../../dto/row-id';

/** `ProjectMemberRequest`: `{user}`, also the body of the single removal. */
export class ProjectMemberInput {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsRowId()
  user!: number;
}

/** `ProjectMemberBulkAssignRolesRequest`: a project role given with a bulk assignment. */
export class MemberRoleInput {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsRequired()
  @IsRowId()
  user_id!: number;

  @ApiProperty({ enum: MEMBER_ROLES })
  @IsRequired()
  @IsIn(MEMBER_ROLES)
  role!: MemberRole;
}

/** `ProjectMemberBulkAssignRequest`. */
export class ProjectMemberBulkInput extends MemberSelectionDto {
  @ApiPropertyOptional({ type: [MemberRoleInput], description: 'Member roles' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IDS_PER_REQUEST, { message: tooManyIdsMessage() })
  @ValidateNested({ each: true })
  @Type(() => MemberRoleInput)
  roles?: MemberRoleInput[];
}
