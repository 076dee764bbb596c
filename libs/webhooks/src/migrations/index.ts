import { DialectMigrations } from '@ls/core';
import { WebhooksPostgres1796221433347 } from './postgres/1796221433347-Webhooks';
import { WebhooksSqlite1796221433347 } from './sqlite/1796221433347-Webhooks';

/** In timestamp order; `npm run db:migration:generate -- webhooks <Name>` writes new ones. */
export const WEBHOOKS_MIGRATIONS: DialectMigrations = {
  postgres: [WebhooksPostgres1796221433347],
  sqlite: [WebhooksSqlite1796221433347],
};
