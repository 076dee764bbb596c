import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { ExportOutput } from '../formats/export-format';

/** What a conversion produced: one file as is, several as a zip (as Label Studio returns them). */
export interface ConvertedResult {
  /** `.json`, `.csv`, `.zip`...: the extension the download takes. */
  extension: string;
  open(): Readable;
}

/**
 * Writes a converter's files under a directory of its own (a temporary one: the caller removes
 * it), refusing paths that would leave it. Files stream to disk, so a converter's output never
 * sits in memory.
 */
export class DirectoryOutput implements ExportOutput {
  private readonly written = new Set<string>();

  constructor(private readonly root: string) {}

  async add(path: string, content: string | Buffer | Readable): Promise<void> {
    const target = resolve(this.root, path);
    if (!target.startsWith(resolve(this.root) + sep) || this.written.has(target)) {
      throw new Error(`A converter wrote "${path}" twice or outside its directory.`);
    }
    this.written.add(target);
    await mkdir(dirname(target), { recursive: true });
    const source =
      typeof content === 'string' || Buffer.isBuffer(content) ? Readable.from([content]) : content;
    await pipeline(source, createWriteStream(target));
  }

  /** The result: the only file as it is, or every file in a zip streamed from disk. */
  async result(): Promise<ConvertedResult | null> {
    const files = await filesUnder(this.root);
    if (files.length === 0) return null;
    if (files.length === 1) {
      const [only] = files;
      const dot = only.lastIndexOf('.');
      return { extension: dot > 0 ? only.slice(dot) : '', open: () => createReadStream(only) };
    }
    return { extension: '.zip', open: () => zipOf(this.root, files) };
  }
}

function zipOf(root: string, files: string[]): Readable {
  const zip = new ZipFile();
  // addFile opens one file at a time while the zip is read, however many files there are.
  for (const file of files) zip.addFile(file, relative(root, file).split(sep).join('/'));
  zip.end();
  return zip.outputStream as Readable;
}

async function filesUnder(directory: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if ((await stat(path)).isFile()) found.push(path);
  }
  return found.sort();
}
