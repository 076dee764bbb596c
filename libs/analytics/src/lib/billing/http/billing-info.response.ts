import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

export const PROMPTS_STATUSES = [
  'Enabled',
  'Cloud license per organization disabled',
  'On-premise global license disabled',
  'Expired',
  'Adala not connected',
  'Disabled for this organization [FF]',
  'unknown',
] as const;

@ApiSchema({ name: 'CountLimit' })
export class CountLimitResponse {
  @ApiProperty() count!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() reached!: boolean;
  @ApiPropertyOptional() total?: number;
}

@ApiSchema({ name: 'BillingChecks' })
export class BillingChecksResponse {
  @ApiProperty({ type: CountLimitResponse }) users!: CountLimitResponse;
  @ApiProperty({ type: CountLimitResponse }) projects!: CountLimitResponse;
  @ApiProperty({ type: CountLimitResponse }) results!: CountLimitResponse;
  @ApiProperty({ type: CountLimitResponse }) import_storages!: CountLimitResponse;
  @ApiProperty({ type: CountLimitResponse }) export_storages!: CountLimitResponse;
  @ApiProperty({ type: String, format: 'date', nullable: true }) license_issued!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) license_expires!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) license_warning!: string | null;
  @ApiProperty() is_license_warning!: boolean;
  @ApiProperty() is_license_expired!: boolean;
  @ApiProperty() trial_days!: number;
  @ApiProperty() organization_is_active!: boolean;
  @ApiProperty() prompts_enabled!: boolean;
  @ApiProperty({ enum: PROMPTS_STATUSES, enumName: 'PromptsStatusEnum' }) prompts_status!: string;
  @ApiProperty({ type: String, nullable: true }) prompts_expire!: string | null;
  @ApiProperty({ type: String, nullable: true }) prompts_warning!: string | null;
  @ApiProperty() is_prompts_warning!: boolean;
  @ApiProperty() is_prompts_expire!: boolean;
  @ApiProperty() prompts_api_keys_enabled!: boolean;
}

@ApiSchema({ name: 'BillingFlags' })
export class BillingFlagsResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activated_at!: string | null;
  @ApiProperty() allow_activity_log!: boolean;
  @ApiProperty() allow_ai!: boolean;
  @ApiProperty() allow_ask_ai!: boolean;
  @ApiProperty() allow_data_credentials!: boolean;
  @ApiProperty() allow_invite_people!: boolean;
  @ApiProperty() allow_invite_project_experts!: boolean;
  @ApiProperty() allow_nda!: boolean;
  @ApiProperty() allow_organization_webhooks!: boolean;
  @ApiProperty() allow_reviewing!: boolean;
  @ApiProperty() allow_sso!: boolean;
  @ApiProperty() allow_storage_proxy!: boolean;
  @ApiProperty() automax_enabled!: boolean;
  @ApiProperty() automax_token_exists!: boolean;
  @ApiProperty() cloud_instance!: boolean;
  @ApiProperty() disable_members_page!: boolean;
  @ApiProperty() disable_project_imports!: boolean;
  @ApiProperty() early_adopter!: boolean;
  @ApiProperty() email_configured!: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: {} } })
  embed_domains?: Record<string, unknown>[];
  @ApiProperty() embed_enabled!: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: {} })
  embed_settings?: Record<string, unknown>;
  @ApiProperty() manual_role_management!: boolean;
  @ApiProperty() manual_workspace_management!: boolean;
  @ApiProperty() secure_mode!: boolean;
  @ApiProperty() storage_persistence!: boolean;
  @ApiProperty({ type: String, nullable: true }) white_label_id!: string | null;
}

@ApiSchema({ name: 'BillingInfoResponse' })
export class BillingInfoResponse {
  @ApiProperty({ type: BillingChecksResponse }) billing_checks!: BillingChecksResponse;
  @ApiProperty({ type: BillingFlagsResponse }) billing_flags!: BillingFlagsResponse;
}
