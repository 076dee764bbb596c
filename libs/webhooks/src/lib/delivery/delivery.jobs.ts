import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import {
  DELIVER_WEBHOOK_JOB,
  DeliverWebhookPayload,
  WEBHOOKS_QUEUE,
} from './deliver-webhook.payload';
import { WebhookDeliverer } from './webhook-deliverer';

/** Sends a webhook's due deliveries, in order; a no-op when another process is sending them. */
@JobProcessor({
  queue: WEBHOOKS_QUEUE,
  name: DELIVER_WEBHOOK_JOB,
  payload: DeliverWebhookPayload,
  concurrency: (config) => config.WEBHOOK_DELIVERY_CONCURRENCY,
})
export class DeliverWebhookJob implements JobHandler<DeliverWebhookPayload> {
  constructor(private readonly deliverer: WebhookDeliverer) {}

  async handle(job: JobExecution<DeliverWebhookPayload>): Promise<void> {
    await this.deliverer.deliver(job.payload.webhookId);
  }
}
