import { DialectMigrations } from '@ls/core';
import { StoragesInitPostgres1795930560468 } from './postgres/1795930560468-StoragesInit';
import { UploadsPostgres1795937127173 } from './postgres/1795937127173-Uploads';
import { StoragesInitSqlite1795930560468 } from './sqlite/1795930560468-StoragesInit';
import { UploadsSqlite1795937127173 } from './sqlite/1795937127173-Uploads';
import { ExportSnapshotsPostgres1796195790799 } from './postgres/1796195790799-ExportSnapshots';
import { ExportSnapshotsSqlite1796195790799 } from './sqlite/1796195790799-ExportSnapshots';
import { CloudStoragesPostgres1796209470114 } from './postgres/1796209470114-CloudStorages';
import { CloudStoragesSqlite1796209470114 } from './sqlite/1796209470114-CloudStorages';

/** In timestamp order; `npm run db:migration:generate -- storages <Name>` writes new ones. */
export const STORAGES_MIGRATIONS: DialectMigrations = {
  postgres: [
    StoragesInitPostgres1795930560468,
    UploadsPostgres1795937127173,
    ExportSnapshotsPostgres1796195790799,
    CloudStoragesPostgres1796209470114,
  ],
  sqlite: [
    StoragesInitSqlite1795930560468,
    UploadsSqlite1795937127173,
    ExportSnapshotsSqlite1796195790799,
    CloudStoragesSqlite1796209470114,
  ],
};
