import { DialectMigrations } from '@ls/core';
import { ProjectsInitPostgres1795913233842 } from './postgres/1795913233842-ProjectsInit';
import { ProjectsInitSqlite1795913233842 } from './sqlite/1795913233842-ProjectsInit';

/** In timestamp order; `npm run db:migration:generate -- projects <Name>` writes new ones. */
export const PROJECTS_MIGRATIONS: DialectMigrations = {
  postgres: [ProjectsInitPostgres1795913233842],
  sqlite: [ProjectsInitSqlite1795913233842],
};
