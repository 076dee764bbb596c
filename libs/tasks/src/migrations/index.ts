import { DialectMigrations } from '@ls/core';
import { TasksInitPostgres1795916019912 } from './postgres/1795916019912-TasksInit';
import { TaskEventsPostgres1795925062837 } from './postgres/1795925062837-TaskEvents';
import { TaskAssignmentsPostgres1795929648493 } from './postgres/1795929648493-TaskAssignments';
import { TaskAnnotationAddedFunctionPostgres1796200000000 } from './postgres/1796200000000-TaskAnnotationAddedFunction';
import { TaskListIndexesPostgres1796300000200 } from './postgres/1796300000200-TaskListIndexes';
import { TasksInitSqlite1795916019912 } from './sqlite/1795916019912-TasksInit';
import { TaskEventsSqlite1795925062837 } from './sqlite/1795925062837-TaskEvents';
import { TaskAssignmentsSqlite1795929648493 } from './sqlite/1795929648493-TaskAssignments';
import { TaskListIndexesSqlite1796300000200 } from './sqlite/1796300000200-TaskListIndexes';

/**
 * In timestamp order (PostgreSQL also has the task side of the annotation write function);
 * `npm run db:migration:generate -- tasks <Name>` writes new ones.
 */
export const TASKS_MIGRATIONS: DialectMigrations = {
  postgres: [
    TasksInitPostgres1795916019912,
    TaskEventsPostgres1795925062837,
    TaskAssignmentsPostgres1795929648493,
    TaskAnnotationAddedFunctionPostgres1796200000000,
    TaskListIndexesPostgres1796300000200,
  ],
  sqlite: [
    TasksInitSqlite1795916019912,
    TaskEventsSqlite1795925062837,
    TaskAssignmentsSqlite1795929648493,
    TaskListIndexesSqlite1796300000200,
  ],
};
