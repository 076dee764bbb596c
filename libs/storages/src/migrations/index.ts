import { DialectMigrations } from '@ls/core';
import { StoragesInitPostgres1795930560468 } from './postgres/1795930560468-StoragesInit';
import { StoragesInitSqlite1795930560468 } from './sqlite/1795930560468-StoragesInit';

/** In timestamp order; `npm run db:migration:generate -- storages <Name>` writes new ones. */
export const STORAGES_MIGRATIONS: DialectMigrations = {
  postgres: [StoragesInitPostgres1795930560468],
  sqlite: [StoragesInitSqlite1795930560468],
};
