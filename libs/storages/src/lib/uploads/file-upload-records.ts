import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { OrganizationRef } from '@ls/auth';
import { chunksOf, dialectOfManager, idAmong, queryInChunks } from '@ls/core';
import { ProjectScope } from '@ls/projects';
import { FileUpload } from './file-upload.entity';
import { uploadNotFound } from './upload-errors';
import { uploadOrdering } from './upload-ordering';

/** Which uploads of a project's user a list shows: all, or those of `ids`. */
export type ListedUploads = { all: true } | { ids: number[] };

/**
 * The `file_upload` rows: reads scoped to the caller's organization through the upload's project
 * (`ProjectScope`), lists ordered in SQL, and writes. Knows nothing of files on disk.
 */
@Injectable()
export class FileUploadRecords {
  private readonly scope: ProjectScope<FileUpload>;

  constructor(@InjectRepository(FileUpload) private readonly uploads: Repository<FileUpload>) {
    this.scope = new ProjectScope(uploads);
  }

  insert(row: Pick<FileUpload, 'project_id' | 'user_id' | 'file' | 'size'>): Promise<FileUpload> {
    return this.uploads.save(this.uploads.create(row));
  }

  /** An upload of a project of the organization; 404 otherwise. */
  async get(organization: OrganizationRef, id: number): Promise<FileUpload> {
    const found = await this.scope
      .query(organization, 'upload')
      .andWhere('upload.id = :id', { id })
      .getOne();
    if (!found) throw uploadNotFound();
    return found;
  }

  /** The upload stored as `file` in a project of the organization, if any. */
  storedAs(organization: OrganizationRef, file: string): Promise<FileUpload | null> {
    return this.scope
      .query(organization, 'upload')
      .andWhere('upload.file = :file', { file })
      .getOne();
  }

  /**
   * A user's uploads in a project, in one statement ordered as `ordering` says (see
   * {@link uploadOrdering}), so the database sorts, whatever the number of ids.
   */
  listed(
    projectId: number,
    userId: number,
    which: ListedUploads,
    ordering: string | undefined,
  ): Promise<FileUpload[]> {
    const query = this.uploads
      .createQueryBuilder('upload')
      .where('upload.project_id = :projectId AND upload.user_id = :userId', { projectId, userId });
    if ('ids' in which) {
      if (which.ids.length === 0) return Promise.resolve([]);
      const dialect = dialectOfManager(this.uploads.manager);
      const { condition, parameters } = idAmong(dialect, 'upload.id', which.ids);
      query.andWhere(condition, parameters);
    }
    for (const [column, direction] of uploadOrdering(ordering)) {
      query.addOrderBy(`upload.${column}`, direction);
    }
    return query.getMany();
  }

  /** A project's uploads, whoever sent them: those of `ids`, or all of them (`null`). */
  async ofProject(projectId: number, ids: number[] | null): Promise<FileUpload[]> {
    if (ids === null) return this.uploads.findBy({ project_id: projectId });
    return queryInChunks([...new Set(ids)], (chunk) =>
      this.uploads.findBy({ project_id: projectId, id: In(chunk) }),
    );
  }

  /** Deletes rows in `manager`'s transaction. */
  async delete(manager: EntityManager, ids: number[]): Promise<void> {
    for (const chunk of chunksOf(ids)) await manager.delete(FileUpload, { id: In(chunk) });
  }

  /**
   * Points the upload at a new file, unless another request changed it since it was read (then
   * false, and nothing changed).
   */
  async replaceFile(
    upload: Pick<FileUpload, 'id' | 'file'>,
    stored: Pick<FileUpload, 'file' | 'size'>,
  ): Promise<boolean> {
    const { affected } = await this.uploads.update(
      { id: upload.id, file: upload.file },
      { file: stored.file, size: stored.size },
    );
    return affected !== 0;
  }
}
