import { DialectMigrations } from '@ls/core';
import { ProjectsInitPostgres1795913233842 } from './postgres/1795913233842-ProjectsInit';
import { ProjectsInitSqlite1795913233842 } from './sqlite/1795913233842-ProjectsInit';
import { WorkspacesMembersPausesPostgres1796249650017 } from './postgres/1796249650017-WorkspacesMembersPauses';
import { WorkspacesMembersPausesSqlite1796249650017 } from './sqlite/1796249650017-WorkspacesMembersPauses';

/** In timestamp order; `npm run db:migration:generate -- projects <Name>` writes new ones. */
export const PROJECTS_MIGRATIONS: DialectMigrations = {
  postgres: [ProjectsInitPostgres1795913233842, WorkspacesMembersPausesPostgres1796249650017],
  sqlite: [ProjectsInitSqlite1795913233842, WorkspacesMembersPausesSqlite1796249650017],
};
