import { DialectMigrations } from '@ls/core';
import { StoragesInitPostgres1795930560468 } from './postgres/1795930560468-StoragesInit';
import { UploadsPostgres1795937127173 } from './postgres/1795937127173-Uploads';
import { StoragesInitSqlite1795930560468 } from './sqlite/1795930560468-StoragesInit';
import { UploadsSqlite1795937127173 } from './sqlite/1795937127173-Uploads';

/** In timestamp order; `npm run db:migration:generate -- storages <Name>` writes new ones. */
export const STORAGES_MIGRATIONS: DialectMigrations = {
  postgres: [StoragesInitPostgres1795930560468, UploadsPostgres1795937127173],
  sqlite: [StoragesInitSqlite1795930560468, UploadsSqlite1795937127173],
};
