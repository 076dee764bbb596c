import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsModule } from '@ls/annotations';
import { registerMigrations } from '@ls/core';
import { DataManagerModule, registerTaskColumn } from '@ls/data-manager';
import { STORAGES_MIGRATIONS } from '../migrations';
import { StorageResolver } from './cloud/resolve/storage-resolver';
import { TaskDataUris } from './cloud/resolve/task-data-uris';
import { CloudStorage } from './cloud/storages/cloud-storage.entity';
import { CloudStoragesService } from './cloud/storages/cloud-storages.service';
import { StorageExportLink } from './cloud/storages/export-link.entity';
import { StorageImportLink } from './cloud/storages/import-link.entity';
import { StorageConnections } from './cloud/storages/storage-connections';
import { StorageTypes } from './cloud/storages/storage-types';
import { ImportSyncRunner } from './cloud/sync/import-sync.runner';
import { ExportSyncRunner } from './cloud/sync/export-sync.runner';
import { StorageEventsListener } from './cloud/sync/storage-events.listener';
import { ExportAnnotationsJob, ExportSyncJob, ImportSyncJob } from './cloud/sync/sync.jobs';
import { ExportConversion } from './export/conversion/export-conversion';
import { DirectExportService } from './export/direct/direct-export.service';
import { ExportMediaFactory } from './export/media/export-media';
import { ConvertedFormat } from './export/snapshots/converted-format.entity';
import { ExportFiles } from './export/snapshots/export-files';
import { ExportSnapshot } from './export/snapshots/export-snapshot.entity';
import { ConvertJob, SnapshotJob } from './export/snapshots/export-snapshot.jobs';
import { ExportSnapshotRunner } from './export/snapshots/export-snapshot.runner';
import { ExportSnapshotsService } from './export/snapshots/export-snapshots.service';
import { ExportTaskReader } from './export/tasks/export-task-reader';
import { FILE_STORE_PROVIDER } from './files/file-store.provider';
import { ImportInputs } from './import/import-inputs';
import { ImportJob } from './import/import.job';
import { ImportService } from './import/import.service';
import { PredictionImportService } from './import/prediction-import.service';
import { ProjectImport } from './import/project-import.entity';
import { ProjectReimport } from './reimport/project-reimport.entity';
import { ReimportService } from './reimport/reimport.service';
import { RemoteFetcher } from './remote/remote-fetcher';
import { StorageResources } from './storage-resources';
import { FileUpload } from './uploads/file-upload.entity';
import { FileUploadRecords } from './uploads/file-upload-records';
import { MultipartUploads } from './uploads/multipart-uploads';
import { UploadFileStore } from './uploads/upload-file-store';
import { UPLOAD_TASK_COLUMN } from './uploads/upload-task-column';
import { UploadsService } from './uploads/uploads.service';

registerMigrations('storages', STORAGES_MIGRATIONS);
registerTaskColumn('file_upload', UPLOAD_TASK_COLUMN);

/** Where data enters and leaves projects: imports, exports, cloud and local storages. */
@Module({
  imports: [
    AnnotationsModule,
    DataManagerModule,
    TypeOrmModule.forFeature([
      ProjectImport,
      ProjectReimport,
      FileUpload,
      ExportSnapshot,
      ConvertedFormat,
      CloudStorage,
      StorageImportLink,
      StorageExportLink,
    ]),
  ],
  providers: [
    ImportService,
    ImportInputs,
    ImportJob,
    PredictionImportService,
    ReimportService,
    RemoteFetcher,
    StorageResources,
    FILE_STORE_PROVIDER,
    FileUploadRecords,
    UploadFileStore,
    UploadsService,
    MultipartUploads,
    ExportTaskReader,
    ExportMediaFactory,
    ExportConversion,
    DirectExportService,
    ExportFiles,
    ExportSnapshotRunner,
    ExportSnapshotsService,
    SnapshotJob,
    ConvertJob,
    StorageTypes,
    StorageConnections,
    CloudStoragesService,
    ImportSyncRunner,
    ImportSyncJob,
    ExportSyncRunner,
    ExportSyncJob,
    ExportAnnotationsJob,
    StorageEventsListener,
    StorageResolver,
    TaskDataUris,
  ],
  exports: [
    AnnotationsModule,
    ImportService,
    ImportInputs,
    PredictionImportService,
    ReimportService,
    UploadsService,
    MultipartUploads,
    ExportTaskReader,
    ExportConversion,
    DirectExportService,
    ExportSnapshotsService,
    CloudStoragesService,
    StorageTypes,
    StorageResolver,
  ],
})
export class StoragesModule {}
