import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseUserResponse } from '@ls/auth';
import { PageResponse } from '@ls/core';

@ApiSchema({ name: 'ProjectMember' })
export class ProjectMemberResponse {
  @ApiProperty({ type: 'integer' }) user!: number;
}

/** A member tag as member rows show it (`{id, label}`). */
export class MemberTagRefResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, maxLength: 255 }) label!: string;
}

/** A project member: the user, how they are a member, their project role and pause. */
@ApiSchema({ name: 'PaginatedProjectMember' })
export class PaginatedProjectMemberResponse extends LseUserResponse {
  @ApiProperty({ description: 'false when the user is an explicit member of the project' })
  implicit_member!: boolean;
  @ApiProperty({ type: String, description: 'The project role, "" when none' })
  project_role!: string;
  @ApiProperty({ type: () => [MemberTagRefResponse] }) tags!: MemberTagRefResponse[];
}

export const ProjectMemberPageResponse = PageResponse(
  PaginatedProjectMemberResponse,
  'PaginatedPaginatedProjectMemberList',
);
