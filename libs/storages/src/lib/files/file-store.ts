import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** What a stored file is, without reading it: its size, last change and first bytes. */
export interface StoredFileInfo {
  size: number;
  modifiedAt: Date;
  /** Up to the number of bytes asked for from its start (fewer when the file is shorter). */
  head: Buffer;
}

/** Bytes `start` to `end`, both included, as HTTP ranges count them. */
export interface ByteSpan {
  start: number;
  end: number;
}

/** A file on this machine's disk with a stored file's content, to `release` once read. */
export interface LocalFile {
  path: string;
  release(): Promise<void>;
}

/** How a presigned URL answers: its life and the headers the store sends with the bytes. */
export interface PresignOptions {
  ttlSeconds: number;
  contentType: string;
  contentDisposition: string;
}

/** A stored name: a relative path of plain segments (`upload/3/ab12cd34-tasks.csv`). */
export function assertStoredName(name: string): void {
  const plain =
    !name.includes('\\') &&
    !name.includes('\0') &&
    name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!plain) throw new Error(`Not a stored file name: ${JSON.stringify(name)}`);
}

/**
 * Where uploaded files, queued import bodies and export files are kept, by name (a relative
 * path such as `upload/3/ab12cd34-tasks.csv` or `export/project-3-at-….json`): `DATA_DIR`, or a
 * bucket when `UPLOADS_STORAGE` is set so that API replicas and workers share no volume.
 * Content is streamed both ways, never held whole in memory. Work that needs a file on this
 * machine gets a local one from {@link localCopy}, and writes its own under
 * {@link temporaryPath} (`DATA_DIR/tmp`, never shared).
 */
export abstract class FileStore {
  /** `DATA_DIR/tmp`: this process's scratch files, never shared with other processes. */
  protected constructor(private readonly temporaryRoot: string) {}

  /**
   * Streams `content` under `name`, replacing a file of that name. The file appears only once
   * complete: on failure nothing is left, `content` is destroyed and its own error (a size limit)
   * is the one thrown.
   */
  abstract put(name: string, content: Readable, contentType?: string): Promise<void>;

  /** {@link put} of a local file this process wrote (a {@link temporaryPath}), gone afterwards. */
  abstract putLocal(name: string, path: string, contentType?: string): Promise<void>;

  /** The file's size, last change and first `headBytes` bytes; null when there is none. */
  abstract stat(name: string, headBytes: number): Promise<StoredFileInfo | null>;

  /** The file's content, or the bytes of `span`; `StorageObjectMissingError` when there is none. */
  abstract read(name: string, span?: ByteSpan): Promise<Readable>;

  /** The content as a local file: the file itself on disk, a temporary copy of an object. */
  abstract localCopy(name: string): Promise<LocalFile>;

  /** Removes the file; one that is already gone is fine. */
  abstract delete(name: string): Promise<void>;

  /** A URL that downloads the file directly from the store, or null where there is none (disk). */
  abstract presign(name: string, options: PresignOptions): Promise<string | null>;

  /** A new path under `DATA_DIR/tmp` for a file of this process (its folder exists). */
  async temporaryPath(): Promise<string> {
    await mkdir(this.temporaryRoot, { recursive: true });
    return join(this.temporaryRoot, randomUUID());
  }

  /** A new empty folder under `DATA_DIR/tmp`; the caller removes it. */
  async temporaryDir(prefix: string): Promise<string> {
    await mkdir(this.temporaryRoot, { recursive: true });
    return mkdtemp(join(this.temporaryRoot, prefix));
  }
}
