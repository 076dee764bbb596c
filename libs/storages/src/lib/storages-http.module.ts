import { Module } from '@nestjs/common';
import { ImportController } from './import/import.controller';
import { ReimportController } from './reimport/reimport.controller';
import { StoragesModule } from './storages.module';
import { FileUploadsController } from './uploads/file-uploads.controller';
import { UploadedFilesController } from './uploads/uploaded-files.controller';

@Module({
  imports: [StoragesModule],
  controllers: [
    ImportController,
    ReimportController,
    FileUploadsController,
    UploadedFilesController,
  ],
})
export class StoragesHttpModule {}
