import { DialectMigrations } from '@ls/core';
import { DataManagerViewsPostgres1796300000000 } from './postgres/1796300000000-DataManagerViews';
import { DataManagerViewsSqlite1796300000000 } from './sqlite/1796300000000-DataManagerViews';
import { TaskLocksPostgres1796300000100 } from './postgres/1796300000100-TaskLocks';
import { TaskLocksSqlite1796300000100 } from './sqlite/1796300000100-TaskLocks';
import { TaskListVersionsPostgres1796300000300 } from './postgres/1796300000300-TaskListVersions';
import { LabelStreamHistoryPostgres1796300000400 } from './postgres/1796300000400-LabelStreamHistory';
import { LabelStreamHistorySqlite1796300000400 } from './sqlite/1796300000400-LabelStreamHistory';

/** In timestamp order; `npm run db:migration:generate -- data-manager <Name>` writes new ones. */
export const DATA_MANAGER_MIGRATIONS: DialectMigrations = {
  postgres: [
    DataManagerViewsPostgres1796300000000,
    TaskLocksPostgres1796300000100,
    TaskListVersionsPostgres1796300000300,
    LabelStreamHistoryPostgres1796300000400,
  ],
  sqlite: [
    DataManagerViewsSqlite1796300000000,
    TaskLocksSqlite1796300000100,
    LabelStreamHistorySqlite1796300000400,
  ],
};
