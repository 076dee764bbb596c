import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { MemberRole } from '../entities/organization-member.entity';
import { DEFAULT_JOIN_ROLE, OrganizationSettings } from '../entities/organization-settings.entity';
import { DefaultRoleDto } from './dto/default-role.dto';
import { assertOwnOrganization } from './organizations.service';
import { DefaultRoleResponse } from './responses/default-role.response';

const TIMESTAMPS = [
  'annotator_reviewer_firewall_enabled_at',
  'label_stream_navigation_disabled_at',
  'read_only_quick_view_enabled_at',
  'custom_scripts_enabled_at',
] as const;

const MAX_EMBED_DOMAINS = 100;

/** An organization's switches (`set-default-role`); an organization without a row has the defaults. */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    @InjectRepository(OrganizationSettings)
    private readonly settings: Repository<OrganizationSettings>,
  ) {}

  /** The role of people joining through the organization's shared invite link. */
  async joinRole(organizationId: number, manager?: EntityManager): Promise<MemberRole> {
    const rows = manager ? manager.getRepository(OrganizationSettings) : this.settings;
    const found = await rows.findOneBy({ organization_id: organizationId });
    return found?.default_role ?? DEFAULT_JOIN_ROLE;
  }

  async update(
    auth: AuthContext,
    organizationId: number,
    changes: DefaultRoleDto,
  ): Promise<DefaultRoleResponse> {
    assertOwnOrganization(auth, organizationId);
    if (changes.embed_domains !== undefined) assertEmbedDomains(changes.embed_domains);
    const row =
      (await this.settings.findOneBy({ organization_id: organizationId })) ??
      this.settings.create({ organization_id: organizationId });
    for (const field of TIMESTAMPS) {
      const value = changes[field];
      if (value !== undefined) row[field] = value === null ? null : new Date(value);
    }
    if (changes.default_role !== undefined) row.default_role = changes.default_role;
    if (changes.email_notification_settings !== undefined) {
      row.email_notification_settings = changes.email_notification_settings;
    }
    if (changes.embed_domains !== undefined) row.embed_domains = changes.embed_domains;
    if (changes.embed_settings !== undefined) row.embed_settings = changes.embed_settings;
    if (changes.external_id !== undefined) row.external_id = changes.external_id;
    if (changes.extra_data_on_activity_logs !== undefined) {
      row.extra_data_on_activity_logs = changes.extra_data_on_activity_logs;
    }
    return serializeSettings(await this.settings.save(row));
  }
}

function assertEmbedDomains(value: unknown): void {
  if (value === null) return;
  const valid =
    Array.isArray(value) &&
    value.length <= MAX_EMBED_DOMAINS &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { domain?: unknown }).domain === 'string' &&
        (entry as { domain: string }).domain.length <= 253,
    );
  if (!valid) {
    throw new BadRequestException({
      embed_domains: [`A list of at most ${MAX_EMBED_DOMAINS} objects {"domain": "example.com"}.`],
    });
  }
}

function serializeSettings(row: OrganizationSettings): DefaultRoleResponse {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    organization: row.organization_id,
    default_role: row.default_role,
    annotator_reviewer_firewall_enabled_at: iso(row.annotator_reviewer_firewall_enabled_at),
    label_stream_navigation_disabled_at: iso(row.label_stream_navigation_disabled_at),
    read_only_quick_view_enabled_at: iso(row.read_only_quick_view_enabled_at),
    custom_scripts_enabled_at: iso(row.custom_scripts_enabled_at),
    email_notification_settings: row.email_notification_settings ?? null,
    embed_domains: row.embed_domains ?? null,
    embed_settings: row.embed_settings ?? null,
    external_id: row.external_id,
    extra_data_on_activity_logs: row.extra_data_on_activity_logs,
  };
}
