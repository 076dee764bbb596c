import { DialectMigrations } from '@ls/core';
import { TasksInitPostgres1795916019912 } from './postgres/1795916019912-TasksInit';
import { TasksInitSqlite1795916019912 } from './sqlite/1795916019912-TasksInit';

/** In timestamp order; `npm run db:migration:generate -- tasks <Name>` writes new ones. */
export const TASKS_MIGRATIONS: DialectMigrations = {
  postgres: [TasksInitPostgres1795916019912],
  sqlite: [TasksInitSqlite1795916019912],
};
