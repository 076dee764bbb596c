import { DialectMigrations } from '@ls/core';
import { AnnotationsInitPostgres1795925489349 } from './postgres/1795925489349-AnnotationsInit';
import { AnnotationWriteFunctionPostgres1795928967104 } from './postgres/1795928967104-AnnotationWriteFunction';
import { AnnotationUniqueIdPerProjectPostgres1796163536292 } from './postgres/1796163536292-AnnotationUniqueIdPerProject';
import { CountCompletedAnnotationsPostgres1796170000000 } from './postgres/1796170000000-CountCompletedAnnotations';
import { AnnotationWriteCountsThroughTasksPostgres1796200000001 } from './postgres/1796200000001-AnnotationWriteCountsThroughTasks';
import { DraftAnnotationIndexPostgres1796269100000 } from './postgres/1796269100000-DraftAnnotationIndex';
import { AnnotationsInitSqlite1795925489349 } from './sqlite/1795925489349-AnnotationsInit';
import { AnnotationUniqueIdPerProjectSqlite1796163536292 } from './sqlite/1796163536292-AnnotationUniqueIdPerProject';
import { CountCompletedAnnotationsSqlite1796170000000 } from './sqlite/1796170000000-CountCompletedAnnotations';
import { DraftAnnotationIndexSqlite1796269100000 } from './sqlite/1796269100000-DraftAnnotationIndex';

/**
 * In timestamp order (PostgreSQL also has the annotation write function, which calls the tasks
 * library's `ls_task_annotation_added`); `npm run db:migration:generate -- annotations <Name>`
 * writes new ones.
 */
export const ANNOTATIONS_MIGRATIONS: DialectMigrations = {
  postgres: [
    AnnotationsInitPostgres1795925489349,
    AnnotationWriteFunctionPostgres1795928967104,
    AnnotationUniqueIdPerProjectPostgres1796163536292,
    CountCompletedAnnotationsPostgres1796170000000,
    AnnotationWriteCountsThroughTasksPostgres1796200000001,
    DraftAnnotationIndexPostgres1796269100000,
  ],
  sqlite: [
    AnnotationsInitSqlite1795925489349,
    AnnotationUniqueIdPerProjectSqlite1796163536292,
    CountCompletedAnnotationsSqlite1796170000000,
    DraftAnnotationIndexSqlite1796269100000,
  ],
};
