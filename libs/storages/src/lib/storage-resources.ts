import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '@ls/auth';
import { inOrganizationProjects, ProjectScope } from '@ls/projects';
import { ExportSnapshot } from './export/snapshots/export-snapshot.entity';
import { ProjectImport } from './import/project-import.entity';
import { ProjectReimport } from './reimport/project-reimport.entity';
import { FileUpload } from './uploads/file-upload.entity';

/**
 * `file_upload`, `import`, `reimport`, `export` (by id) and `uploaded_file` (a served path,
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
  ) {}

  onModuleInit(): void {
    this.resources.registerById('file_upload', inOrganizationProjects(this.uploads));
    this.resources.registerById('import', inOrganizationProjects(this.imports));
    this.resources.registerById('reimport', inOrganizationProjects(this.reimports));
    this.resources.registerById('export', inOrganizationProjects(this.exports));
    const uploads = new ProjectScope(this.uploads);
    this.resources.register('uploaded_file', (auth, path) =>
      uploads
        .query(auth, 'upload')
        .andWhere('upload.file = :file', { file: `upload/${path}` })
        .getExists(),
    );
  }
}
