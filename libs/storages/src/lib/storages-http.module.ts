import { Module } from '@nestjs/common';
import { ImportController } from './import/import.controller';
import { StoragesModule } from './storages.module';

@Module({ imports: [StoragesModule], controllers: [ImportController] })
export class StoragesHttpModule {}
