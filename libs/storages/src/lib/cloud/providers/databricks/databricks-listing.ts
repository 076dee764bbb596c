import { ListedObject } from '../storage-provider';

/** One entry of a directory listing (`contents[]` of `GET /api/2.0/fs/directories`). */
export interface DirectoryEntry {
  /** Its name in the directory: one path segment. */
  name: string;
  isDirectory: boolean;
  size: number | null;
  modifiedAt: Date | null;
}

export class DirectoryPage {
  constructor(
    readonly contents: DirectoryEntry[],
    readonly nextPageToken: string | null,
  ) {}

  static readonly EMPTY = new DirectoryPage([], null);

  /** A listing answer; entries without a usable name (or with `/`, `.`, `..`) are left out. */
  static of(body: unknown): DirectoryPage {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    const contents: DirectoryEntry[] = [];
    for (const item of Array.isArray(fields.contents) ? fields.contents : []) {
      const entry = entryOf(item);
      if (entry) contents.push(entry);
    }
    const token = fields.next_page_token;
    return new DirectoryPage(contents, typeof token === 'string' && token ? token : null);
  }
}

function entryOf(item: unknown): DirectoryEntry | null {
  if (typeof item !== 'object' || item === null) return null;
  const { name, path, is_directory, file_size, last_modified } = item as Record<string, unknown>;
  const fromPath = typeof path === 'string' ? path.replace(/\/+$/, '').split('/').pop() : '';
  const entryName = typeof name === 'string' && name ? name : (fromPath ?? '');
  if (!entryName || entryName === '.' || entryName === '..' || entryName.includes('/')) return null;
  const modified = Number(last_modified);
  return {
    name: entryName,
    isDirectory: is_directory === true,
    size: typeof file_size === 'number' ? file_size : null,
    modifiedAt: Number.isFinite(modified) && modified > 0 ? new Date(modified) : null,
  };
}

/** A page of a directory (`''` is the volume's root); null when that directory is gone. */
export type PageReader = (
  directory: string,
  pageToken: string | undefined,
) => Promise<DirectoryPage | null>;

/**
 * The files under `start`, a page of the API at a time, as the port lists them. Recursive: the
 * subdirectories are walked breadth-first; only their names wait in memory, never file entries.
 */
export async function* walkVolume(
  start: string,
  recursive: boolean,
  readPage: PageReader,
): AsyncIterable<ListedObject[]> {
  const directories = [start];
  for (
    let directory = directories.shift();
    directory !== undefined;
    directory = directories.shift()
  ) {
    let pageToken: string | undefined;
    do {
      const page = (await readPage(directory, pageToken)) ?? DirectoryPage.EMPTY;
      const files: ListedObject[] = [];
      for (const entry of page.contents) {
        const key = directory ? `${directory}/${entry.name}` : entry.name;
        if (!entry.isDirectory) {
          files.push({ key, modifiedAt: entry.modifiedAt, size: entry.size });
        } else if (recursive) {
          directories.push(key);
        }
      }
      if (files.length > 0) yield files;
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
  }
}
