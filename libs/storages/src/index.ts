// Public API of @ls/storages: where data enters and leaves projects (import so far).
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
