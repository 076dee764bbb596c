import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export const WEBHOOKS_QUEUE = 'webhooks';
export const DELIVER_WEBHOOK_JOB = 'webhooks.deliver';

export class DeliverWebhookPayload {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  webhookId!: number;
}
