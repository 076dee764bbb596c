import { Module } from '@nestjs/common';
import { storageController } from './cloud/http/storage-controllers';
import { StorageListsController } from './cloud/http/storage-lists.controller';
import { LocalFilesController } from './cloud/resolve/local-files.controller';
import { ResolveController } from './cloud/resolve/resolve.controller';
import { STORAGE_TYPES } from './cloud/storages/storage-type-list';
import { ExportController } from './export/direct/export.controller';
import { ExportsController } from './export/snapshots/exports.controller';
import { ImportController } from './import/import.controller';
import { ReimportController } from './reimport/reimport.controller';
import { StoragesModule } from './storages.module';
import { FileUploadsController } from './uploads/file-uploads.controller';
import { UploadedFilesController } from './uploads/uploaded-files.controller';

@Module({
  imports: [StoragesModule],
  controllers: [
    ImportController,
    ExportController,
    ExportsController,
    ReimportController,
    FileUploadsController,
    UploadedFilesController,
    StorageListsController,
    ResolveController,
    LocalFilesController,
    ...STORAGE_TYPES.flatMap((storageType) => [
      storageController(storageType, 'import'),
      storageController(storageType, 'export'),
    ]),
  ],
})
export class StoragesHttpModule {}
