import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { ScimSettings } from '../entities/scim-settings.entity';
import { GroupMappingsDto } from './dto/group-mappings.dto';

const EMPTY_MAPPINGS = { roles_groups: [], workspaces_groups: [], projects_groups: [] };

@Injectable()
export class ScimSettingsService {
  private readonly scope: OrganizationScope<ScimSettings>;

  constructor(@InjectRepository(ScimSettings) private readonly settings: Repository<ScimSettings>) {
    this.scope = new OrganizationScope(settings);
  }

  /** The active organization's settings, made empty on first read. */
  async get(auth: AuthContext): Promise<ScimSettings> {
    const found = await this.scope.findOne(auth, {});
    if (found) return found;
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ organization_id: auth.organizationId, ...EMPTY_MAPPINGS })
      .orIgnore()
      .execute();
    return this.scope.findOneOr404(auth, {});
  }

  /** Changes the mappings given (`null` empties one); the others keep their values. */
  async update(auth: AuthContext, changes: GroupMappingsDto): Promise<ScimSettings> {
    const current = await this.get(auth);
    const next: Partial<ScimSettings> = {};
    for (const key of ['roles_groups', 'workspaces_groups', 'projects_groups'] as const) {
      if (changes[key] !== undefined) next[key] = (changes[key] ?? []) as never;
    }
    if (Object.keys(next).length > 0) {
      await this.settings.update({ organization_id: current.organization_id }, next);
    }
    return this.get(auth);
  }
}
