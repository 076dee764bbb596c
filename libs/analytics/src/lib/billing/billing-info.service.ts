import { Injectable } from '@nestjs/common';
import { OrganizationRef } from '@ls/auth';
import { AppConfig } from '@ls/core';
import { BillingUsage } from './billing-usage';
import {
  BillingChecksResponse,
  BillingFlagsResponse,
  BillingInfoResponse,
  CountLimitResponse,
} from './http/billing-info.response';

/**
 * No licence limits anything here. The contract types `limit` as a required integer (no null),
 * so "no limit" is the largest 32-bit integer, which any client can hold.
 */
export const NO_LIMIT = 2_147_483_647;

const unlimited = (count: number, total?: number): CountLimitResponse => ({
  count,
  limit: NO_LIMIT,
  reached: count >= NO_LIMIT,
  ...(total === undefined ? {} : { total }),
});

/**
 * `GET /api/billing/info`: live usage of the organization against no limits, and the feature
 * switches of this server, which has every feature and no licence: every `allow_*` is on
 * (`allow_activity_log` follows `ACTIVITY_LOG`), roles and workspaces are managed by hand, and
 * it is not Label Studio's cloud.
 */
@Injectable()
export class BillingInfoService {
  constructor(
    private readonly usage: BillingUsage,
    private readonly config: AppConfig,
  ) {}

  async info(organization: OrganizationRef): Promise<BillingInfoResponse> {
    return { billing_checks: await this.checks(organization), billing_flags: this.flags() };
  }

  private async checks(organization: OrganizationRef): Promise<BillingChecksResponse> {
    const used = await this.usage.of(organization);
    return {
      users: unlimited(used.activeMembers, used.members),
      projects: unlimited(used.projects),
      results: unlimited(used.annotations),
      import_storages: unlimited(used.importStorages),
      export_storages: unlimited(used.exportStorages),
      license_issued: null,
      license_expires: null,
      license_warning: null,
      is_license_warning: false,
      is_license_expired: false,
      trial_days: 0,
      organization_is_active: true,
      prompts_enabled: true,
      prompts_status: 'Enabled',
      prompts_expire: null,
      prompts_warning: null,
      is_prompts_warning: false,
      is_prompts_expire: false,
      prompts_api_keys_enabled: true,
    };
  }

  private flags(): BillingFlagsResponse {
    return {
      activated_at: null,
      allow_activity_log: this.config.ACTIVITY_LOG,
      allow_ai: true,
      allow_ask_ai: true,
      allow_data_credentials: true,
      allow_invite_people: true,
      allow_invite_project_experts: true,
      allow_nda: true,
      allow_organization_webhooks: true,
      allow_reviewing: true,
      allow_sso: true,
      allow_storage_proxy: true,
      automax_enabled: false,
      automax_token_exists: false,
      cloud_instance: false,
      disable_members_page: false,
      disable_project_imports: false,
      early_adopter: false,
      // This server sends no email: invitations hand their links to the inviter.
      email_configured: false,
      embed_domains: [],
      embed_enabled: false,
      embed_settings: {},
      manual_role_management: true,
      manual_workspace_management: true,
      secure_mode: false,
      storage_persistence: true,
      white_label_id: null,
    };
  }
}
