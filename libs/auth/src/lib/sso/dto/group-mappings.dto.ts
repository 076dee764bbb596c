import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { GroupPairs, ProjectGroup } from '../../entities/saml-settings.entity';
import {
  GROUP_PAIRS_SCHEMA,
  GROUP_ROLE_NAMES,
  IsGroupPairs,
  IsProjectGroups,
  Nullable,
  ProjectGroupDto,
} from './group-mappings';

/** The group mappings SAML and SCIM share; `null` empties one. */
@ApiSchema({ name: 'ScimSettingsUpdateRequest' })
export class GroupMappingsDto {
  @ApiPropertyOptional({
    ...GROUP_PAIRS_SCHEMA,
    description: 'Organization Roles to Groups Mapping. List of [role_name, group_name] pairs.',
  })
  @Nullable()
  @IsGroupPairs('role_name', GROUP_ROLE_NAMES)
  roles_groups?: GroupPairs | null;

  @ApiPropertyOptional({
    ...GROUP_PAIRS_SCHEMA,
    description: 'Workspaces to Groups Mapping. List of [workspace_title, group_name] pairs.',
  })
  @Nullable()
  @IsGroupPairs('workspace_title')
  workspaces_groups?: GroupPairs | null;

  @ApiPropertyOptional({
    type: [ProjectGroupDto],
    description: 'Projects to Groups Mapping. List of objects with project_id, group, role.',
  })
  @Nullable()
  @IsProjectGroups()
  projects_groups?: ProjectGroup[] | null;
}
