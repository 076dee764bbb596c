import { DialectMigrations } from '@ls/core';
import { ActivityLogPostgres1796249382102 } from './postgres/1796249382102-ActivityLog';
import { ActivityLogSqlite1796249382102 } from './sqlite/1796249382102-ActivityLog';

/** In timestamp order; `npm run db:migration:generate -- analytics <Name>` writes new ones. */
export const ANALYTICS_MIGRATIONS: DialectMigrations = {
  postgres: [ActivityLogPostgres1796249382102],
  sqlite: [ActivityLogSqlite1796249382102],
};
