import { Injectable } from '@nestjs/common';
import type {} from '@fastify/multipart'; // its typing of FastifyRequest (isMultipart, parts)
import type { FastifyRequest } from 'fastify';
import { AuthContext } from '@ls/auth';
import { AppConfig } from '@ls/core';
import { Project } from '@ls/projects';
import { FileUpload } from './file-upload.entity';
import { MultipartFields, multipartFiles } from './multipart-files';
import { oneFileOnly } from './upload-errors';
import { StoredFile, UploadFileStore } from './upload-file-store';
import { UploadsService } from './uploads.service';

/**
 * The HTTP side of uploads: the files of a multipart request become uploads, all or none, within
 * one request's budget (`IMPORT_MAX_FILE_SIZE` bytes together).
 */
@Injectable()
export class MultipartUploads {
  constructor(
    private readonly config: AppConfig,
    private readonly uploads: UploadsService,
    private readonly files: UploadFileStore,
  ) {}

  /**
   * Every file of a multipart request saved as an upload of the project, all or none: when one
   * is refused, those already saved are removed. Returns them with the form's text fields.
   */
  async saveMultipart(
    auth: AuthContext,
    project: Pick<Project, 'id'>,
    request: FastifyRequest,
  ): Promise<{ uploads: FileUpload[]; fields: MultipartFields }> {
    const fields: MultipartFields = Object.create(null);
    const saved: FileUpload[] = [];
    const budget = this.files.newBudget();
    try {
      for await (const part of multipartFiles(request, this.config, fields)) {
        saved.push(await this.uploads.saveFile(auth, project, part.filename, part.content, budget));
      }
    } catch (error) {
      await this.uploads.remove(saved);
      throw error;
    }
    return { uploads: saved, fields };
  }

  /**
   * `PATCH /api/import/file-upload/{id}`: a multipart file replaces the upload's content. Like a
   * new upload it gets a new name (and URL); the old file is removed. Without a file, nothing
   * changes.
   */
  async replaceFromRequest(
    auth: AuthContext,
    id: number,
    request: FastifyRequest,
  ): Promise<FileUpload> {
    const upload = await this.uploads.get(auth, id);
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) return upload;
    const budget = this.files.newBudget();
    let stored: StoredFile | undefined;
    try {
      for await (const part of multipartFiles(request, this.config)) {
        if (stored) {
          part.content.destroy();
          throw oneFileOnly();
        }
        stored = await this.files.write(upload.project_id, part.filename, part.content, budget);
      }
    } catch (error) {
      if (stored) await this.files.remove(stored.file);
      throw error;
    }
    return stored ? this.uploads.replace(upload, stored) : upload;
  }
}
