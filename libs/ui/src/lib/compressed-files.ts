import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Text-like files worth compressing (the bundles: 3.4 MB of editor script become about 1 MB). */
const COMPRESSIBLE: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface CompressedFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

/**
 * Gzipped copies of the files the pages load, made once per file and kept in memory (a handful
 * of files that change only with a release; a changed file is noticed by its modification time).
 */
export class CompressedFiles {
  private readonly made = new Map<string, Promise<CompressedFile & { mtimeMs: number }>>();

  /** The gzipped file, or null when its type is not worth compressing. */
  async get(path: string): Promise<CompressedFile | null> {
    const contentType = COMPRESSIBLE[extname(path)];
    if (!contentType) return null;
    const { mtimeMs } = await stat(path);
    const known = this.made.get(path);
    if (known && (await known).mtimeMs === mtimeMs) return known;
    const making = (async () => {
      const body = await gzipAsync(await readFile(path), { level: 9 });
      const etag = `"gz-${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, contentType, etag, mtimeMs };
    })();
    this.made.set(path, making);
    making.catch(() => this.made.delete(path));
    return making;
  }
}
