import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '@ls/auth';
import { projectPlaceOf, ProjectScope } from '@ls/projects';
import { storageResourceKind } from './cloud/http/storage-resource-kind';
import { CloudStorage, STORAGE_DIRECTIONS } from './cloud/storages/cloud-storage.entity';
import { STORAGE_TYPES } from './cloud/storages/storage-type-list';
import { ExportSnapshot } from './export/snapshots/export-snapshot.entity';
import { ProjectImport } from './import/project-import.entity';
import { ProjectReimport } from './reimport/project-reimport.entity';
import { FileUpload } from './uploads/file-upload.entity';

/**
 * `file_upload`, `import`, `reimport`, `export`, `storage_<type>`, `export_storage_<type>` (by id) and `uploaded_file` (a served path,
 * `<project>/<name>`): what route paths name (see `@ResourceParams`).
 */
@Injectable()
export class StorageResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(FileUpload) private readonly uploads: Repository<FileUpload>,
    @InjectRepository(ProjectImport) private readonly imports: Repository<ProjectImport>,
    @InjectRepository(ProjectReimport) private readonly reimports: Repository<ProjectReimport>,
    @InjectRepository(ExportSnapshot) private readonly exports: Repository<ExportSnapshot>,
    @InjectRepository(CloudStorage) private readonly cloudStorages: Repository<CloudStorage>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject('file_upload', projectPlaceOf(this.uploads));
    this.resources.registerInProject('import', projectPlaceOf(this.imports));
    this.resources.registerInProject('reimport', projectPlaceOf(this.reimports));
    this.resources.registerInProject('export', projectPlaceOf(this.exports));
    for (const { type } of STORAGE_TYPES) {
      for (const direction of STORAGE_DIRECTIONS) {
        this.resources.registerInProject(
          storageResourceKind(type, direction),
          projectPlaceOf(this.cloudStorages, { type, direction }),
        );
      }
    }
    const uploads = new ProjectScope(this.uploads);
    this.resources.register('uploaded_file', (auth, path) =>
      uploads
        .query(auth, 'upload')
        .andWhere('upload.file = :file', { file: `upload/${path}` })
        .getExists(),
    );
  }
}
