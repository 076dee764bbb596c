import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseUserResponse } from '../../users/responses/lse-user.response';
import { PROJECT_REFERENCES, ProjectReferences } from './project-references';

/** The user of a membership, as the members list shows it. */
@ApiSchema({ name: 'LseUserOrganizationMemberList' })
export class MemberUserResponse extends LseUserResponse {
  @ApiProperty(PROJECT_REFERENCES) contributed_to_projects!: ProjectReferences;
  @ApiProperty(PROJECT_REFERENCES) created_projects!: ProjectReferences;
}
