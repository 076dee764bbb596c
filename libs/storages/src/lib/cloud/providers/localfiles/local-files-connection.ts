import { randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../storage-provider';
import { satisfiableRange } from './byte-ranges';
import { fileOfLocalFileUrl, localFileUrl } from './local-files-uri';
import {
  isStrictlyWithin,
  isWithin,
  LocalFilesRules,
  localFilesPathProblem,
} from './local-files-rules';
import { filesUnder } from './local-files-walk';

/** Objects per listed page. */
const PAGE_SIZE = 1000;

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'EISDIR']);

interface CheckedRoot {
  /** The storage's `path` as written, `..` and trailing slashes resolved: keys start with it. */
  root: string;
  /** The same with symlinks resolved: what every file touched must be inside. */
  realRoot: string;
}

/**
 * A directory of the server's disk as an import or export storage. Every operation first checks
 * the directory against the rules (serving enabled, inside the document root) and then only
 * touches files whose real path is inside it, so neither `..` in a key nor a symlink reaches
 * elsewhere. Import keys are absolute paths, as Label Studio's; export keys are relative to the
 * directory (an absolute key inside it is accepted too).
 */
export class LocalFilesConnection implements StorageConnection {
  private checked: Promise<CheckedRoot> | null = null;

  constructor(
    private readonly path: string | null,
    private readonly rules: LocalFilesRules,
  ) {}

  /** Files in walk order; `prefix`, when given, is a folder under the directory. */
  async *list(options: ListOptions): AsyncIterable<ListedObject[]> {
    const { root, realRoot } = await this.root();
    const start = options.prefix ? resolve(root, options.prefix) : root;
    const realStart = await realpath(start).catch(() => null);
    if (!isWithin(start, root) || (realStart !== null && !isWithin(realStart, realRoot))) {
      throw new StorageConnectionError(`${options.prefix} is outside the storage path ${root}`);
    }
    let page: ListedObject[] = [];
    for await (const file of filesUnder(start, options.recursive, realRoot)) {
      page.push(file);
      if (page.length === PAGE_SIZE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  async read(key: string, options: ReadOptions = {}): Promise<ObjectBody> {
    const { realRoot } = await this.root();
    const file = await this.fileOf(key);
    const found = file && (await existingFile(file, realRoot));
    if (!found) throw new StorageObjectMissingError(key);
    const { real, stats } = found;
    const total = Number(stats.size);
    const range = satisfiableRange(options.range, total);
    return {
      body: createReadStream(real, {
        start: range?.start,
        end: range?.end,
        signal: options.signal,
      }),
      size: range ? range.end - range.start + 1 : total,
      totalSize: total,
      contentType: null,
      // Label Studio's weak ETag of local files: mtime in nanoseconds and size, in hex.
      etag: `W/"${stats.mtimeNs.toString(16)}-${stats.size.toString(16)}"`,
      lastModified: new Date(Number(stats.mtimeMs)),
      range,
    };
  }

  /** Writes through a temporary file renamed into place: readers see the old or the new file. */
  async write(key: string, body: string | Buffer, _contentType?: string): Promise<void> {
    const { root, realRoot } = await this.root();
    const file = await this.fileOf(key);
    if (!file) throw new StorageConnectionError(`${key} is outside the storage path ${root}`);
    const directory = await directoryWithin(relative(root, dirname(file)), realRoot);
    const target = join(directory, basename(file));
    const temporary = join(directory, `.${basename(file)}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, body, { flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { realRoot } = await this.root();
    const file = await this.fileOf(key);
    if (!file) return;
    // Through the real directory: a symlinked folder must not lead the removal outside.
    const directory = await realpath(dirname(file)).catch(() => null);
    if (directory === null || !isWithin(directory, realRoot)) return;
    await rm(join(directory, basename(file)), { force: true });
  }

  async validate(mode: 'import' | 'export', _prefix: string | null = null): Promise<void> {
    const { realRoot } = await this.root();
    const [rights, word] =
      mode === 'import' ? [constants.R_OK, 'readable'] : [constants.W_OK, 'writable'];
    try {
      await access(realRoot, rights | constants.X_OK);
    } catch {
      throw new StorageConnectionError(`Path ${this.path} is not ${word}`);
    }
  }

  uriOf(key: string): string {
    return localFileUrl(resolve(this.path ?? sep, key), this.rules.documentRoot);
  }

  keyOf(uri: string): string | null {
    const file = fileOfLocalFileUrl(uri, this.rules.documentRoot);
    const root = resolve(this.path ?? sep);
    return file !== null && this.path !== null && isStrictlyWithin(file, root) ? file : null;
  }

  async presign(): Promise<string | null> {
    return null;
  }

  async close(): Promise<void> {
    return;
  }

  private root(): Promise<CheckedRoot> {
    this.checked ??= this.check();
    return this.checked;
  }

  private async check(): Promise<CheckedRoot> {
    const problem = localFilesPathProblem(this.path, this.rules);
    if (problem !== null || this.path === null) throw new StorageConnectionError(problem ?? '');
    return { root: resolve(this.path), realRoot: await realpath(this.path) };
  }

  /** The file `key` names inside the directory, or null for a key reaching outside it. */
  private async fileOf(key: string): Promise<string | null> {
    const { root } = await this.root();
    const file = resolve(root, key);
    return isStrictlyWithin(file, root) ? file : null;
  }
}

async function existingFile(file: string, realRoot: string) {
  try {
    const real = await realpath(file);
    const stats = await stat(real, { bigint: true });
    return stats.isFile() && isWithin(real, realRoot) ? { real, stats } : null;
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

/**
 * Creates `relativeDirectory` under `realRoot` one segment at a time, resolving each: a segment
 * that is a symlink leading outside stops it before anything is created out there.
 */
async function directoryWithin(relativeDirectory: string, realRoot: string): Promise<string> {
  let current = realRoot;
  for (const segment of relativeDirectory.split(sep).filter(Boolean)) {
    const next = join(current, segment);
    await mkdir(next).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    current = await realpath(next);
    if (!isWithin(current, realRoot)) {
      throw new StorageConnectionError(`${next} leads outside the storage path`);
    }
  }
  return current;
}
