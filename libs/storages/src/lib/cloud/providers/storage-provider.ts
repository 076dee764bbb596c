import type { Readable } from 'node:stream';

/** One object of a listing: its key and, where the store knows it, when it last changed. */
export interface ListedObject {
  key: string;
  /** Last modification (S3 `LastModified`, file mtime); null where the store has none (Redis). */
  modifiedAt: Date | null;
  size: number | null;
}

export interface ListOptions {
  /** Only keys under this prefix; a prefix without a trailing `/` is a folder name (`a` → `a/`). */
  prefix: string | null;
  /** False: only the objects directly under the prefix (S3 delimiter `/`, no subfolders). */
  recursive: boolean;
}

/** A byte range as HTTP `Range: bytes=start-end` asks for it (`end` inclusive). */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ObjectBody {
  body: Readable;
  /** Length of `body` in bytes, when the store says. */
  size: number | null;
  /** Size of the whole object (for `Content-Range`), when the store says. */
  totalSize: number | null;
  contentType: string | null;
  etag: string | null;
  lastModified: Date | null;
  /** Set when a range was asked for and the store answered with part of the object. */
  range: { start: number; end: number } | null;
}

export interface ReadOptions {
  range?: ByteRange;
  signal?: AbortSignal;
}

/**
 * A problem with a storage's settings or connection that the user can fix (bad credentials,
 * missing bucket, path outside the document root): answered as a 400 with this message.
 */
export class StorageConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageConnectionError';
  }
}

/** An object that is not there (a deleted key, a file gone): 404 where it is served. */
export class StorageObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`Object ${key} does not exist`);
    this.name = 'StorageObjectMissingError';
  }
}

/**
 * One connected storage (import or export) of one provider. Every method may throw
 * `StorageConnectionError` for problems the user can act on; other errors are failures of the
 * store itself.
 */
export interface StorageConnection {
  /** Keys in the store's listing order (lexicographic for S3), a page at a time; folders skipped. */
  list(options: ListOptions): AsyncIterable<ListedObject[]>;
  read(key: string, options?: ReadOptions): Promise<ObjectBody>;
  write(key: string, body: string | Buffer, contentType: string): Promise<void>;
  /** Deletes the object; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Checks that the settings reach the store with the rights the storage needs: listing (and
   * reading one object when `mode` is import), writing when `mode` is export.
   */
  validate(mode: 'import' | 'export', prefix: string | null): Promise<void>;
  /** The URI a task's data holds for this key (`s3://bucket/key`). */
  uriOf(key: string): string;
  /** The key of a URI this storage can read (`s3://bucket/key` of its bucket), else null. */
  keyOf(uri: string): string | null;
  /** A URL that downloads the object for `ttlSeconds`, or null where the store has none. */
  presign(key: string, ttlSeconds: number): Promise<string | null>;
  /** Releases clients and sockets. */
  close(): Promise<void>;
}
