import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { posix, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import {
  AppConfig,
  assertIdListSize,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { FileUpload } from './file-upload.entity';
import { SNIFF_BYTES } from './served-content-type';
import { formatOf } from '../import/formats/supported-formats';
import { extensionOf, sanitizeUploadName } from './upload-name';
import { MultipartFields, multipartFiles, totalSizeExceeded } from './multipart-files';

/** Bytes the files of one request may still take; every saved file takes its share. */
export interface UploadBudget {
  remainingBytes: number;
}

/** Which uploads of a project a list asks for (`GET /api/projects/{id}/file-uploads`). */
export interface FileUploadSelection {
  ids?: number[];
  all?: boolean;
  /** Comma-separated fields of `FileUpload`, `-` for descending; unknown ones are ignored. */
  ordering?: string;
}

/** A stored file a caller may read, with where it is on disk. */
export interface ServedUpload {
  upload: FileUpload;
  path: string;
  size: number;
  modifiedAt: Date;
  /** The first bytes of the file, to tell its type. */
  head: Buffer;
}

const UPLOAD_DIR = 'upload';
const BATCH = 500;
const ORDERABLE = new Set(['id', 'file', 'size', 'created_at']);
const MAX_NAME_ATTEMPTS = 3;

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
    items.slice(i * BATCH, (i + 1) * BATCH),
  );

function compareBy(ordering: string | undefined) {
  const keys = (ordering ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => ORDERABLE.has(key.replace(/^-/, '')))
    .map((key) => ({
      field: key.replace(/^-/, '') as keyof FileUpload,
      sign: key[0] === '-' ? -1 : 1,
    }));
  keys.push({ field: 'id', sign: 1 });
  return (a: FileUpload, b: FileUpload) => {
    for (const { field, sign } of keys) {
      const [x, y] = [a[field], b[field]] as [number | string | Date, number | string | Date];
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  };
}

function unsupportedExtension(extension: string): ValidationFailedException {
  return new ValidationFailedException({
    non_field_errors: [`${extension} extension is not supported`],
  });
}

/**
 * Files uploaded into projects (`FileUpload`): written under `DATA_DIR/upload/<project>/` as
 * `<8 hex>-<safe name>`, streamed to disk as they arrive, and served back at `/data/<file>`.
 */
@Injectable()
export class UploadsService {
  /** `DATA_DIR`, absolute: `FileUpload.file` is relative to it. */
  private readonly dataDir: string;
  private readonly uploadRoot: string;
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    @InjectRepository(FileUpload) private readonly uploads: Repository<FileUpload>,
  ) {
    this.dataDir = resolve(config.DATA_DIR);
    this.uploadRoot = resolve(this.dataDir, UPLOAD_DIR);
  }

  /** The budget of one request: `IMPORT_MAX_FILE_SIZE` bytes for all its files together. */
  newBudget(): UploadBudget {
    return { remainingBytes: this.config.IMPORT_MAX_FILE_SIZE };
  }

  /**
   * Streams `content` to a new file of the project and records it. Refuses an extension Label
   * Studio does not accept (400) and content over the budget (413, the partial file removed).
   * `content` is read to its end or destroyed. The caller has checked the project is the caller's.
   */
  async saveFile(
    auth: AuthContext,
    project: Pick<Project, 'id'>,
    originalName: string,
    content: Readable,
    budget: UploadBudget = this.newBudget(),
  ): Promise<FileUpload> {
    const written = await this.writeContent(project.id, originalName, content, budget);
    try {
      return await this.uploads.save(
        this.uploads.create({
          project_id: project.id,
          user_id: auth.user.id,
          file: written.file,
          size: written.size,
        }),
      );
    } catch (error) {
      await rm(this.pathOf(written), { force: true });
      throw error;
    }
  }

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
    const budget = this.newBudget();
    try {
      for await (const part of multipartFiles(request, this.config, fields)) {
        saved.push(await this.saveFile(auth, project, part.filename, part.content, budget));
      }
    } catch (error) {
      await this.remove(saved);
      throw error;
    }
    return { uploads: saved, fields };
  }

  /** Where the upload's file is on disk (absolute). */
  pathOf(upload: Pick<FileUpload, 'file'>): string {
    return resolve(this.dataDir, upload.file);
  }

  /** The path the file is served at: `/data/upload/<project>/<8 hex>-<name>`. */
  urlOf(upload: Pick<FileUpload, 'file'>): string {
    return `/data/${upload.file}`;
  }

  /** The upload's content, streamed from disk. */
  open(upload: Pick<FileUpload, 'file'>): Readable {
    return createReadStream(this.pathOf(upload));
  }

  /** An upload of a project of the caller's organization; 404 otherwise. */
  async get(auth: AuthContext, id: number): Promise<FileUpload> {
    const found = await this.uploads
      .createQueryBuilder('upload')
      .innerJoin('upload.project', 'project')
      .where('upload.id = :id', { id })
      .andWhere('project.organization_id = :organizationId', {
        organizationId: auth.organizationId,
      })
      .getOne();
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }

  /**
   * The caller's uploads in a project, as Label Studio lists them: those named by `ids`, or all of
   * them with `all` or when the project is a draft.
   */
  async listed(
    auth: AuthContext,
    projectId: number,
    selection: FileUploadSelection,
  ): Promise<FileUpload[]> {
    const project = await this.projects.get(auth, projectId);
    const where = { project_id: project.id, user_id: auth.user.id };
    let found: FileUpload[];
    if (project.is_draft || selection.all) {
      found = await this.uploads.findBy(where);
    } else {
      found = [];
      for (const batch of chunks([...new Set(selection.ids ?? [])])) {
        found.push(...(await this.uploads.findBy({ ...where, id: In(batch) })));
      }
    }
    return found.sort(compareBy(selection.ordering));
  }

  /**
   * Removes uploads of a project, whoever sent them: those of `ids`, or all of them when `ids` is
   * `null` (Label Studio's `DELETE /api/projects/{id}/file-uploads`). Returns how many.
   */
  async removeFromProject(
    auth: AuthContext,
    projectId: number,
    ids: number[] | null,
  ): Promise<number> {
    if (ids !== null) assertIdListSize('file_upload_ids', ids);
    const project = await this.projects.get(auth, projectId);
    let found: FileUpload[];
    if (ids === null) {
      found = await this.uploads.findBy({ project_id: project.id });
    } else {
      found = [];
      for (const batch of chunks([...new Set(ids)])) {
        found.push(...(await this.uploads.findBy({ project_id: project.id, id: In(batch) })));
      }
    }
    return this.remove(found);
  }

  /**
   * Deletes uploads and their files. Tasks made from them stay, with `file_upload_id` cleared.
   * The caller has checked the uploads are the caller's to delete.
   */
  async remove(uploads: FileUpload[]): Promise<number> {
    if (uploads.length === 0) return 0;
    await this.transactions.run(async ({ manager }) => {
      for (const batch of chunks(uploads.map((upload) => upload.id))) {
        await detachTasks(manager, batch);
        await manager.delete(FileUpload, { id: In(batch) });
      }
    });
    await Promise.all(uploads.map((upload) => this.removeFileOf(upload)));
    return uploads.length;
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
    const upload = await this.get(auth, id);
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) return upload;
    const budget = this.newBudget();
    let written: { file: string; size: number } | undefined;
    try {
      for await (const part of multipartFiles(request, this.config)) {
        if (written) {
          part.content.destroy();
          throw new ValidationFailedException({ file: ['Send one file to replace the upload.'] });
        }
        written = await this.writeContent(upload.project_id, part.filename, part.content, budget);
      }
      if (!written) return upload;
      // Only if no other request replaced it meanwhile, so no file is left without its row.
      const { affected } = await this.uploads.update(
        { id: upload.id, file: upload.file },
        { file: written.file, size: written.size },
      );
      if (affected === 0) {
        throw new ConflictException({ detail: 'The upload changed meanwhile; try again.' });
      }
    } catch (error) {
      if (written) await rm(this.pathOf(written), { force: true });
      throw error;
    }
    await this.removeFileOf(upload);
    return { ...upload, ...written };
  }

  /**
   * The upload stored as `upload/<relativeName>` (the path after `/data/upload/`) when it belongs
   * to a project of the caller's organization and its file is under `DATA_DIR/upload`; otherwise
   * 404, whether it exists or not.
   */
  async served(auth: AuthContext, relativeName: string): Promise<ServedUpload> {
    const segments = relativeName.split('/');
    if (
      relativeName.includes('\\') ||
      relativeName.includes('\0') ||
      segments.some((segment) => segment === '' || segment === '.' || segment === '..')
    ) {
      throw new NotFoundException('Not found.');
    }
    const upload = await this.uploads
      .createQueryBuilder('upload')
      .innerJoin('upload.project', 'project')
      .where('upload.file = :file', { file: posix.join(UPLOAD_DIR, ...segments) })
      .andWhere('project.organization_id = :organizationId', {
        organizationId: auth.organizationId,
      })
      .getOne();
    if (!upload) throw new NotFoundException('Not found.');
    const path = this.pathOf(upload);
    if (!path.startsWith(this.uploadRoot + sep)) throw new NotFoundException('Not found.');
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new NotFoundException('Not found.');
      return {
        upload,
        path,
        size: info.size,
        modifiedAt: info.mtime,
        head: await readHead(path),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundException('Not found.');
      }
      throw error;
    }
  }

  /** Once its row is gone or changed: a file that cannot be removed is logged, not an error. */
  private async removeFileOf(upload: Pick<FileUpload, 'file'>): Promise<void> {
    await rm(this.pathOf(upload), { force: true }).catch((error: unknown) =>
      this.logger.warn({ err: error, file: upload.file }, 'Could not remove an uploaded file'),
    );
  }

  /** Streams `content` to a new file of the project: its name relative to DATA_DIR and size. */
  private async writeContent(
    projectId: number,
    originalName: string,
    content: Readable,
    budget: UploadBudget,
  ): Promise<{ file: string; size: number }> {
    const name = sanitizeUploadName(originalName);
    if (!formatOf(name)) {
      content.destroy();
      throw unsupportedExtension(extensionOf(name));
    }
    let created: Awaited<ReturnType<UploadsService['createUniqueFile']>>;
    try {
      await mkdir(resolve(this.uploadRoot, String(projectId)), { recursive: true });
      created = await this.createUniqueFile(projectId, name);
    } catch (error) {
      content.destroy();
      throw error;
    }
    const { file, output } = created;
    let size = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        if (size > budget.remainingBytes) done(totalSizeExceeded(this.config));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, output);
      // A multipart file cut at the parser's own size limit ends early but marked.
      if ((content as { truncated?: boolean }).truncated) throw totalSizeExceeded(this.config);
    } catch (error) {
      await rm(this.pathOf({ file }), { force: true });
      throw error;
    }
    budget.remainingBytes -= size;
    return { file, size };
  }

  /** A new empty file `upload/<project>/<8 hex>-<name>`, never one that exists already. */
  private async createUniqueFile(projectId: number, name: string) {
    for (let attempt = 1; ; attempt += 1) {
      const file = posix.join(UPLOAD_DIR, String(projectId), `${randomHex()}-${name}`);
      try {
        const handle = await open(this.pathOf({ file }), 'wx');
        return { file, output: handle.createWriteStream() };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= MAX_NAME_ATTEMPTS) {
          throw error;
        }
      }
    }
  }
}

const randomHex = () => randomBytes(4).toString('hex');

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Tasks made from deleted uploads keep existing, no longer linked to a file. */
async function detachTasks(manager: EntityManager, uploadIds: number[]): Promise<void> {
  const postgres = manager.connection.options.type === 'postgres';
  const placeholders = uploadIds.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
  // Plain SQL: a query builder on Task would also bump its updated_at, and the task did not change.
  await manager.query(
    `UPDATE task SET file_upload_id = NULL WHERE file_upload_id IN (${placeholders})`,
    uploadIds,
  );
}
