import { DialectMigrations } from '@ls/core';
import { MlBackendsPostgres1796221435143 } from './postgres/1796221435143-MlBackends';
import { MlBackendsSqlite1796221435143 } from './sqlite/1796221435143-MlBackends';

/** In timestamp order; `npm run db:migration:generate -- prompts <Name>` writes new ones. */
export const PROMPTS_MIGRATIONS: DialectMigrations = {
  postgres: [MlBackendsPostgres1796221435143],
  sqlite: [MlBackendsSqlite1796221435143],
};
