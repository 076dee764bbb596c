import { randomBytes } from 'node:crypto';
import { posix, resolve } from 'node:path';
import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@ls/core';
import { ByteSpan, FileStore, LocalFile, StoredFileInfo } from '../files/file-store';
import { formatOf } from '../import/formats/supported-formats';
import { contentDispositionOf, servedTypeOf, SNIFF_BYTES } from './served-content-type';
import { totalSizeExceeded, unsupportedExtension } from './upload-errors';
import { extensionOf, sanitizeUploadName } from './upload-name';

/** Bytes the files of one request may still take; every saved file takes its share. */
export interface UploadBudget {
  remainingBytes: number;
}

/** A file in the store: its name there (`FileUpload.file`) and size. */
export interface StoredFile {
  file: string;
  size: number;
}

/** The folder uploads live in, and the prefix of every `FileUpload.file`. */
export const UPLOAD_DIR = 'upload';
const MAX_NAME_ATTEMPTS = 3;

const randomHex = () => randomBytes(4).toString('hex');

/** The name the browser saves the file as: the stored one without its random prefix. */
export const downloadNameOf = (file: string) =>
  (file.split('/').pop() ?? file).replace(/^[0-9a-f]{8}-/, '');

/**
 * The file side of uploads: files named `upload/<project>/<8 hex>-<safe name>` in the file
 * store (`DATA_DIR`, or the bucket of `UPLOADS_STORAGE`), streamed as they arrive and never
 * held whole in memory. Knows nothing of rows or callers.
 */
@Injectable()
export class UploadFileStore {
  private readonly logger = new Logger(UploadFileStore.name);

  constructor(
    private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  /** The budget of one request: `IMPORT_MAX_FILE_SIZE` bytes for all its files together. */
  newBudget(): UploadBudget {
    return { remainingBytes: this.config.IMPORT_MAX_FILE_SIZE };
  }

  /** Where the file is when uploads are kept in `DATA_DIR` (no `UPLOADS_STORAGE`). */
  pathOf(file: string): string {
    return resolve(this.config.DATA_DIR, file);
  }

  /** The path the file is served at: `/data/upload/<project>/<8 hex>-<name>`. */
  urlOf(file: string): string {
    return `/data/${file}`;
  }

  /** The file's content, or the bytes of `span`. */
  read(file: string, span?: ByteSpan): Promise<Readable> {
    return this.files.read(file, span);
  }

  /** The file on this machine's disk, for a reader that needs one; released once read. */
  localCopy(file: string): Promise<LocalFile> {
    return this.files.localCopy(file);
  }

  /**
   * Streams `content` to a new file of the project. Refuses an extension Label Studio does not
   * accept (400) and content over the budget (413, nothing kept). `content` is read to its end or
   * destroyed.
   */
  async write(
    projectId: number,
    originalName: string,
    content: Readable,
    budget: UploadBudget,
  ): Promise<StoredFile> {
    const name = sanitizeUploadName(originalName);
    if (!formatOf(name)) {
      content.destroy();
      throw unsupportedExtension(extensionOf(name));
    }
    let file: string;
    try {
      file = await this.newName(projectId, name);
    } catch (error) {
      content.destroy();
      throw error;
    }
    let size = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        if (size > budget.remainingBytes) done(totalSizeExceeded(this.config));
        else done(null, chunk);
      },
    });
    // Errors of `content` reach the store through `meter`, which the store then throws.
    await this.files.put(
      file,
      pipeline(content, meter, () => undefined),
    );
    // A multipart file cut at the parser's own size limit ends early but marked.
    if ((content as { truncated?: boolean }).truncated) {
      await this.remove(file);
      throw totalSizeExceeded(this.config);
    }
    budget.remainingBytes -= size;
    return { file, size };
  }

  /** Removes a file that no row points to (yet); gone already is fine. */
  async remove(file: string): Promise<void> {
    await this.files.delete(file);
  }

  /** Once its row is gone or changed: a file that cannot be removed is logged, not an error. */
  async discard(file: string): Promise<void> {
    await this.remove(file).catch((error: unknown) =>
      this.logger.warn({ err: error, file }, 'Could not remove an uploaded file'),
    );
  }

  /** The stored file's size, date and first bytes (its type), or null when there is none. */
  served(file: string): Promise<StoredFileInfo | null> {
    return this.files.stat(file, SNIFF_BYTES);
  }

  /**
   * With `UPLOADS_PRESIGN`, a URL of the store that downloads the file as we would serve it
   * (the type its bytes say, markup as a plain-text download); else null.
   */
  async presignedUrl(file: string, head: Buffer): Promise<string | null> {
    if (!this.config.UPLOADS_PRESIGN) return null;
    const { contentType, attachment } = servedTypeOf(file, head);
    return this.files.presign(file, {
      ttlSeconds: this.config.UPLOADS_PRESIGN_TTL_SECONDS,
      contentType,
      contentDisposition: contentDispositionOf(downloadNameOf(file), attachment),
    });
  }

  /** `upload/<project>/<8 hex>-<name>` of no file yet. */
  private async newName(projectId: number, name: string): Promise<string> {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
      const file = posix.join(UPLOAD_DIR, String(projectId), `${randomHex()}-${name}`);
      if (!(await this.files.stat(file, 0))) return file;
    }
    throw new Error(`No free name for an upload of project ${projectId}`);
  }
}
