import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import type {} from '@fastify/multipart'; // its typing of FastifyRequest (isMultipart, parts)
import type { FastifyRequest } from 'fastify';
import { AuthContext } from '@ls/auth';
import { RemoteFetchError, ValidationFailedException } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { FileStore } from '../files/file-store';
import { RemoteFetcher } from '../remote/remote-fetcher';
import { MultipartUploads } from '../uploads/multipart-uploads';
import { UploadsService } from '../uploads/uploads.service';
import { ImportInput } from './import.service';

const noData = () =>
  new ValidationFailedException({
    non_field_errors: ['load_tasks: No data found in DATA or in FILES'],
  });

/** Label Studio reads a `url` that parses as JSON (quotes loosened) as the tasks themselves. */
function inlineTasksOf(url: string): unknown {
  try {
    return JSON.parse(url.replace(/'/g, '"'));
  } catch {
    return undefined;
  }
}

const isForm = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

/**
 * What an import request brings, in Label Studio's order: uploaded files (multipart), a `url`
 * in a form (downloaded, SSRF-checked, kept as an upload), or tasks in a JSON body.
 */
@Injectable()
export class ImportInputs {
  constructor(
    private readonly projects: ProjectsService,
    private readonly uploads: UploadsService,
    private readonly multipart: MultipartUploads,
    private readonly remote: RemoteFetcher,
    private readonly files: FileStore,
  ) {}

  async of(
    auth: AuthContext,
    projectId: number,
    request: FastifyRequest,
    body: unknown,
  ): Promise<ImportInput> {
    if (request.isMultipart?.()) {
      const project = await this.projects.get(auth, projectId);
      const { uploads, fields } = await this.multipart.saveMultipart(auth, project, request);
      if (uploads.length > 0) return { kind: 'uploads', uploads };
      if (fields.url) return this.fromUrl(auth, project, fields.url);
      throw noData();
    }
    if (isForm(request)) {
      const url = (body as { url?: unknown } | undefined)?.url;
      if (typeof url !== 'string' || url.trim() === '') {
        throw new ValidationFailedException({ url: ['"url" is not found in request data'] });
      }
      return this.fromUrl(auth, await this.projects.get(auth, projectId), url.trim());
    }
    if (body === undefined || body === null) throw noData();
    return { kind: 'body', body, size: Number(request.headers['content-length'] ?? 0) };
  }

  private async fromUrl(auth: AuthContext, project: Project, url: string): Promise<ImportInput> {
    const inline = inlineTasksOf(url);
    if (inline !== undefined && typeof inline === 'object') {
      return { kind: 'body', body: inline, size: Buffer.byteLength(url) };
    }
    const temporary = await this.files.temporaryPath();
    try {
      const remote = await this.remote.download(url, temporary);
      const upload = await this.uploads.saveFile(
        auth,
        project,
        remote.filename || 'download',
        createReadStream(temporary),
      );
      return { kind: 'uploads', uploads: [upload], url };
    } catch (error) {
      if (error instanceof RemoteFetchError) {
        throw new ValidationFailedException({ url: [error.message] });
      }
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
  }
}
