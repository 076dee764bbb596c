// Public API of @ls/webhooks: webhook subscriptions and their signed, retried delivery.
export { WebhooksModule } from './lib/webhooks.module';
export { WebhooksHttpModule } from './lib/webhooks-http.module';
export { Webhook } from './lib/subscriptions/webhook.entity';
export { WebhookDelivery } from './lib/delivery/webhook-delivery.entity';
export { WebhooksService } from './lib/subscriptions/webhooks.service';
export { WEBHOOK_ACTIONS, WEBHOOK_ACTION_NAMES } from './lib/subscriptions/webhook-actions';
export type { WebhookActionName } from './lib/subscriptions/webhook-actions';
export {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signatureOf,
  verifySignature,
} from './lib/delivery/webhook-signature';
