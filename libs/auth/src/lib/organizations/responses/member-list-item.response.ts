import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';
import { MemberUserResponse } from './member-user.response';
import { SimpleMemberTagResponse } from '../../member-tags/responses/simple-member-tag.response';
import { PROJECT_REFERENCES, ProjectReferences } from './project-references';

/** A membership with its user and the member tags the organization put on them. */
@ApiSchema({ name: 'LseOrganizationMemberList' })
export class MemberListItemResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty({ type: () => MemberUserResponse }) user!: MemberUserResponse;
  @ApiProperty({ type: String }) concurrency!: string;
  @ApiProperty(PROJECT_REFERENCES) contributed_to_projects!: ProjectReferences;
  @ApiProperty(PROJECT_REFERENCES) created_projects!: ProjectReferences;
  @ApiProperty({ type: () => [SimpleMemberTagResponse] }) tags!: SimpleMemberTagResponse[];
}
