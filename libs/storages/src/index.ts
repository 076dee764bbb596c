// Public API of @ls/storages: where data enters and leaves projects: uploads, import, export,
// cloud and local storages.
export { StoragesModule } from './lib/storages.module';
export { StoragesHttpModule } from './lib/storages-http.module';
export { ImportService } from './lib/import/import.service';
export { ProjectImport } from './lib/import/project-import.entity';
export { ProjectReimport } from './lib/reimport/project-reimport.entity';
export { FileUpload } from './lib/uploads/file-upload.entity';
export { UploadsService } from './lib/uploads/uploads.service';
export type { FileUploadSelection, ServedUpload } from './lib/uploads/uploads.service';
export { MultipartUploads } from './lib/uploads/multipart-uploads';
export type { UploadBudget } from './lib/uploads/upload-file-store';
export type { MultipartFields, UploadedPart } from './lib/uploads/multipart-files';
export { serializeFileUpload } from './lib/uploads/file-upload.serializer';
export { sanitizeUploadName } from './lib/uploads/upload-name';
export { CloudStorage } from './lib/cloud/storages/cloud-storage.entity';
export type { StorageDirection, StorageStatus } from './lib/cloud/storages/cloud-storage.entity';
export { CloudStoragesService } from './lib/cloud/storages/cloud-storages.service';
export { StorageImportLink } from './lib/cloud/storages/import-link.entity';
export { StorageExportLink } from './lib/cloud/storages/export-link.entity';
export type { StorageType } from './lib/cloud/storages/storage-type';
export { STORAGE_TYPES } from './lib/cloud/storages/storage-type-list';
export {
  StorageConnectionError,
  StorageObjectMissingError,
} from './lib/cloud/providers/storage-provider';
export type {
  ListedObject,
  ObjectBody,
  StorageConnection,
} from './lib/cloud/providers/storage-provider';
export { connectS3, connectS3WithRole } from './lib/cloud/providers/s3/s3-connect';
