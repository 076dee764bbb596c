import { DialectMigrations } from '@ls/core';
import { AnnotationsInitPostgres1795925489349 } from './postgres/1795925489349-AnnotationsInit';
import { AnnotationWriteFunctionPostgres1795928967104 } from './postgres/1795928967104-AnnotationWriteFunction';
import { AnnotationsInitSqlite1795925489349 } from './sqlite/1795925489349-AnnotationsInit';

/** In timestamp order (PostgreSQL also has the annotation write function); `npm run db:migration:generate -- annotations <Name>` writes new ones. */
export const ANNOTATIONS_MIGRATIONS: DialectMigrations = {
  postgres: [AnnotationsInitPostgres1795925489349, AnnotationWriteFunctionPostgres1795928967104],
  sqlite: [AnnotationsInitSqlite1795925489349],
};
