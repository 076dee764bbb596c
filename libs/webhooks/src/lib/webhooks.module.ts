import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsModule } from '@ls/annotations';
import { registerMigrations } from '@ls/core';
import { WEBHOOKS_MIGRATIONS } from '../migrations';
import { DeliverySweeper } from './delivery/delivery-sweeper';
import { DeliverWebhookJob } from './delivery/delivery.jobs';
import { WebhookDeliverer } from './delivery/webhook-deliverer';
import { WebhookDelivery } from './delivery/webhook-delivery.entity';
import { WebhookFanout } from './fanout/webhook-fanout';
import { WebhookPayloads } from './fanout/webhook-payloads';
import { WebhookSnapshots } from './fanout/webhook-snapshots';
import { WebhookInterest } from './subscriptions/webhook-interest';
import { WebhookResources } from './subscriptions/webhook-resources';
import { Webhook } from './subscriptions/webhook.entity';
import { WebhooksService } from './subscriptions/webhooks.service';

registerMigrations('webhooks', WEBHOOKS_MIGRATIONS);

/** Webhook subscriptions and their delivery. */
@Module({
  imports: [AnnotationsModule, TypeOrmModule.forFeature([Webhook, WebhookDelivery])],
  providers: [
    WebhooksService,
    WebhookResources,
    WebhookInterest,
    WebhookPayloads,
    WebhookSnapshots,
    WebhookFanout,
    WebhookDeliverer,
    DeliverWebhookJob,
    DeliverySweeper,
  ],
  exports: [WebhooksService],
})
export class WebhooksModule {}
