import { DialectMigrations } from '../lib/database/migration-registry';
import { OutboxPostgres1796221048448 } from './postgres/1796221048448-Outbox';
import { OutboxSqlite1796221048448 } from './sqlite/1796221048448-Outbox';
import { OutboxAttachmentsPostgres1796233212564 } from './postgres/1796233212564-OutboxAttachments';
import { OutboxAttachmentsSqlite1796233212564 } from './sqlite/1796233212564-OutboxAttachments';

/** In timestamp order; `npm run db:migration:generate -- core <Name>` writes new ones. */
export const CORE_MIGRATIONS: DialectMigrations = {
  postgres: [OutboxPostgres1796221048448, OutboxAttachmentsPostgres1796233212564],
  sqlite: [OutboxSqlite1796221048448, OutboxAttachmentsSqlite1796233212564],
};
