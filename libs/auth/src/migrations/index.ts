import { DialectMigrations } from '@ls/core';
import { AuthInitPostgres1795912228750 } from './postgres/1795912228750-AuthInit';
import { AuthInitSqlite1795912228750 } from './sqlite/1795912228750-AuthInit';

/** In timestamp order; `npm run db:migration:generate -- auth <Name>` writes new ones. */
export const AUTH_MIGRATIONS: DialectMigrations = {
  postgres: [AuthInitPostgres1795912228750],
  sqlite: [AuthInitSqlite1795912228750],
};
