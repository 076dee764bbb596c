import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { WEBHOOK_ACTION_NAMES, WebhookActionName } from '../subscriptions/webhook-actions';
import { Webhook } from '../subscriptions/webhook.entity';

@ApiSchema({ name: 'Webhook' })
export class WebhookResponse {
  @ApiProperty({ type: 'integer', readOnly: true }) id!: number;
  @ApiProperty({ type: 'integer', readOnly: true }) organization!: number;
  @ApiProperty({ type: 'integer', nullable: true }) project!: number | null;
  @ApiProperty({ type: String, format: 'uri', maxLength: 2048 }) url!: string;
  @ApiProperty({ type: Boolean }) send_payload!: boolean;
  @ApiProperty({ type: Boolean }) send_for_all_actions!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  headers!: Record<string, string>;
  @ApiProperty({ type: Boolean }) is_active!: boolean;
  @ApiProperty({ enum: WEBHOOK_ACTION_NAMES, enumName: 'ActionsEnum', isArray: true })
  actions!: WebhookActionName[];
  @ApiProperty({ type: String, format: 'date-time', readOnly: true }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', readOnly: true }) updated_at!: string;
  /** Beyond the contract: the signing secret, in the answer that created or set it only. */
  @ApiPropertyOptional({ type: String, description: 'Signing secret, shown once' })
  secret?: string;
}

@ApiSchema({ name: 'WebhookSerializerForUpdate' })
export class WebhookForUpdateResponse extends WebhookResponse {}

export function serializeWebhook(webhook: Webhook, secret?: string): WebhookResponse {
  return {
    id: webhook.id,
    organization: webhook.organization_id,
    project: webhook.project_id,
    url: webhook.url,
    send_payload: webhook.send_payload,
    send_for_all_actions: webhook.send_for_all_actions,
    headers: webhook.headers,
    is_active: webhook.is_active,
    actions: webhook.actions,
    created_at: webhook.created_at.toISOString(),
    updated_at: webhook.updated_at.toISOString(),
    ...(secret === undefined ? {} : { secret }),
  };
}
