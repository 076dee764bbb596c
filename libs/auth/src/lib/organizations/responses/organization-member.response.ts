import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PROJECT_REFERENCES, ProjectReferences } from './project-references';

/** One membership. */
@ApiSchema({ name: 'OrganizationMember' })
export class OrganizationMemberResponse {
  @ApiProperty({ type: 'integer' }) user!: number;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: 'integer' }) annotations_count!: number;
  @ApiProperty({ type: 'integer' }) contributed_projects_count!: number;
  @ApiProperty(PROJECT_REFERENCES) contributed_to_projects!: ProjectReferences;
  @ApiProperty(PROJECT_REFERENCES) created_projects!: ProjectReferences;
}
