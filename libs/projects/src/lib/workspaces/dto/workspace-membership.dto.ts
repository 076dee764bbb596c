import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRequired } from '@ls/core';
import { IsRowId } from '../../dto/row-id';

/** `WorkspaceMemberCreateRequest`: `{user}` (a `workspace` given is the path's anyway). */
export class WorkspaceMemberInput {
  @ApiProperty({ type: 'integer', description: 'User ID' })
  @IsRequired()
  @IsRowId()
  user!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Workspace ID' })
  @IsOptional()
  @IsRowId()
  workspace?: number;
}

/** The body of `DELETE /api/workspaces/{id}/memberships/`: `{"user_id": n}`. */
export class WorkspaceMemberRemoval {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsRowId()
  user_id!: number;
}

/** `WorkspaceProjectsRequest`: `{project}`. */
export class WorkspaceProjectInput {
  @ApiProperty({ type: 'integer', description: 'Project ID' })
  @IsRequired()
  @IsRowId()
  project!: number;
}
