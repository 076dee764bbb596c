import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageObjectMissingError } from '../cloud/providers/storage-provider';
import { assertStoredName, ByteSpan, FileStore, LocalFile, StoredFileInfo } from './file-store';

const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * Files under `DATA_DIR`, at their names (`DATA_DIR/upload/3/ab12cd34-tasks.csv`). Written in
 * `DATA_DIR/tmp` first and renamed into place, so a file is complete whenever it is there.
 */
export class DiskFileStore extends FileStore {
  private readonly root: string;

  constructor(dataDir: string) {
    const root = resolve(dataDir);
    super(join(root, 'tmp'));
    this.root = root;
  }

  /** Where the file of `name` is. */
  pathOf(name: string): string {
    assertStoredName(name);
    return join(this.root, name);
  }

  async put(name: string, content: Readable): Promise<void> {
    const target = this.pathOf(name);
    const partial = await this.temporaryPath();
    try {
      await pipeline(content, createWriteStream(partial));
      await this.moveInto(partial, target);
    } catch (error) {
      content.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }

  async putLocal(name: string, path: string): Promise<void> {
    try {
      await this.moveInto(path, this.pathOf(name));
    } finally {
      await rm(path, { force: true });
    }
  }

  async stat(name: string, headBytes: number): Promise<StoredFileInfo | null> {
    const path = this.pathOf(name);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { size: info.size, modifiedAt: info.mtime, head: await readHead(path, headBytes) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async read(name: string, span?: ByteSpan): Promise<Readable> {
    const handle = await open(this.pathOf(name), 'r').catch((error: unknown) => {
      throw isMissing(error) ? new StorageObjectMissingError(name) : error;
    });
    try {
      if (!(await handle.stat()).isFile()) throw new StorageObjectMissingError(name);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle.createReadStream(span ?? {});
  }

  async localCopy(name: string): Promise<LocalFile> {
    if (!(await this.stat(name, 0))) throw new StorageObjectMissingError(name);
    return { path: this.pathOf(name), release: async () => undefined };
  }

  async delete(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  async presign(): Promise<null> {
    return null;
  }

  /** Renames `path` to `target`; across file systems, copied beside `target` first. */
  private async moveInto(path: string, target: string): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const beside = `${target}.partial`;
      await copyFile(path, beside);
      await rename(beside, target);
    }
  }
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  if (bytes <= 0) return Buffer.alloc(0);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
