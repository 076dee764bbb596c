import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { GroupPairs, ProjectGroup } from '../../entities/saml-settings.entity';
import { GROUP_PAIRS_SCHEMA, ProjectGroupDto } from '../dto/group-mappings';

/** The group mappings SAML and SCIM settings share. */
@ApiSchema({ name: 'ScimSettings' })
export class ScimSettingsResponse {
  @ApiPropertyOptional({ ...GROUP_PAIRS_SCHEMA, nullable: true })
  roles_groups!: GroupPairs | null;

  @ApiPropertyOptional({ ...GROUP_PAIRS_SCHEMA, nullable: true })
  workspaces_groups!: GroupPairs | null;

  @ApiPropertyOptional({ type: [ProjectGroupDto], nullable: true })
  projects_groups!: ProjectGroup[] | null;
}

@ApiSchema({ name: 'ScimSettingsUpdate' })
export class ScimSettingsUpdateResponse extends ScimSettingsResponse {}
