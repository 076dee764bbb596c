// Public API of @ls/webhooks: webhook subscriptions and their signed, retried delivery.
export { WebhooksModule } from './lib/webhooks.module';
export { WebhooksHttpModule } from './lib/webhooks-http.module';
