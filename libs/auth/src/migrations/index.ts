import { DialectMigrations } from '@ls/core';
import { AuthInitPostgres1795912099013 } from './postgres/1795912099013-AuthInit';
import { AuthInitSqlite1795912099013 } from './sqlite/1795912099013-AuthInit';

/** In timestamp order; `npm run db:migration:generate -- auth <Name>` writes new ones. */
export const AUTH_MIGRATIONS: DialectMigrations = {
  postgres: [AuthInitPostgres1795912099013],
  sqlite: [AuthInitSqlite1795912099013],
};
