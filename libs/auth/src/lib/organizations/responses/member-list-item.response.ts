import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';
import { MemberUserResponse } from './member-user.response';
import { PROJECT_REFERENCES, ProjectReferences } from './project-references';

/** A membership with its user. Member tags are an Enterprise feature: always empty. */
@ApiSchema({ name: 'LseOrganizationMemberList' })
export class MemberListItemResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty({ type: () => MemberUserResponse }) user!: MemberUserResponse;
  @ApiProperty({ type: String }) concurrency!: string;
  @ApiProperty(PROJECT_REFERENCES) contributed_to_projects!: ProjectReferences;
  @ApiProperty(PROJECT_REFERENCES) created_projects!: ProjectReferences;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) tags!: { id: number; label: string }[];
}
