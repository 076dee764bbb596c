import { Module } from '@nestjs/common';
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
  ],
})
export class StoragesHttpModule {}
