import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { posix, relative, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@ls/core';
import { formatOf } from '../import/formats/supported-formats';
import { SNIFF_BYTES } from './served-content-type';
import { totalSizeExceeded, unsupportedExtension } from './upload-errors';
import { extensionOf, sanitizeUploadName } from './upload-name';

/** Bytes the files of one request may still take; every saved file takes its share. */
export interface UploadBudget {
  remainingBytes: number;
}

/** A file written under `DATA_DIR`: its name relative to it (`FileUpload.file`) and size. */
export interface StoredFile {
  file: string;
  size: number;
}

/** A stored file as served: where it is, relative to {@link UploadFileStore.uploadRoot}, and its first bytes. */
export interface ServedFile {
  pathInRoot: string;
  /** The first bytes of the file, to tell its type. */
  head: Buffer;
}

/** The folder of `DATA_DIR` uploads live in, and the prefix of every `FileUpload.file`. */
export const UPLOAD_DIR = 'upload';
const MAX_NAME_ATTEMPTS = 3;

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

/**
 * The disk side of uploads: files under `DATA_DIR/upload/<project>/` named `<8 hex>-<safe
 * name>`, streamed to disk as they arrive and never held whole in memory. Knows nothing of rows
 * or callers.
 */
@Injectable()
export class UploadFileStore {
  /** `DATA_DIR`, absolute: `FileUpload.file` is relative to it. */
  private readonly dataDir: string;
  readonly uploadRoot: string;
  private readonly logger = new Logger(UploadFileStore.name);

  constructor(private readonly config: AppConfig) {
    this.dataDir = resolve(config.DATA_DIR);
    this.uploadRoot = resolve(this.dataDir, UPLOAD_DIR);
  }

  /** The budget of one request: `IMPORT_MAX_FILE_SIZE` bytes for all its files together. */
  newBudget(): UploadBudget {
    return { remainingBytes: this.config.IMPORT_MAX_FILE_SIZE };
  }

  /** Where the file is on disk (absolute). */
  pathOf(file: string): string {
    return resolve(this.dataDir, file);
  }

  /** The path the file is served at: `/data/upload/<project>/<8 hex>-<name>`. */
  urlOf(file: string): string {
    return `/data/${file}`;
  }

  open(file: string): Readable {
    return createReadStream(this.pathOf(file));
  }

  /**
   * Streams `content` to a new file of the project. Refuses an extension Label Studio does not
   * accept (400) and content over the budget (413, the partial file removed). `content` is read
   * to its end or destroyed.
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
    let created: Awaited<ReturnType<UploadFileStore['createUniqueFile']>>;
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
      await this.remove(file);
      throw error;
    }
    budget.remainingBytes -= size;
    return { file, size };
  }

  /** Removes a file that no row points to (yet); gone already is fine. */
  async remove(file: string): Promise<void> {
    await rm(this.pathOf(file), { force: true });
  }

  /** Once its row is gone or changed: a file that cannot be removed is logged, not an error. */
  async discard(file: string): Promise<void> {
    await this.remove(file).catch((error: unknown) =>
      this.logger.warn({ err: error, file }, 'Could not remove an uploaded file'),
    );
  }

  /** The stored file to serve, or null when it is not a regular file under the upload folder. */
  async served(file: string): Promise<ServedFile | null> {
    const path = this.pathOf(file);
    if (!path.startsWith(this.uploadRoot + sep)) return null;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return {
        pathInRoot: relative(this.uploadRoot, path).split(sep).join('/'),
        head: await readHead(path),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** A new empty file `upload/<project>/<8 hex>-<name>`, never one that exists already. */
  private async createUniqueFile(projectId: number, name: string) {
    for (let attempt = 1; ; attempt += 1) {
      const file = posix.join(UPLOAD_DIR, String(projectId), `${randomHex()}-${name}`);
      try {
        const handle = await open(this.pathOf(file), 'wx');
        return { file, output: handle.createWriteStream() };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= MAX_NAME_ATTEMPTS) {
          throw error;
        }
      }
    }
  }
}
