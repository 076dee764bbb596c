import { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ListedObject } from '../storage-provider';
import { isWithin } from './local-files-rules';

/** Errors that make an entry skipped rather than the listing failed: gone, unreadable, a loop. */
const SKIPPED = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP']);

/**
 * The files under `directory`, keyed by absolute path as Label Studio keys them, one directory
 * read at a time (only the open directories' names are held). Each directory's entries come in
 * code point order of their names, as Python sorts strings. Label Studio sorts the whole scan by
 * file name alone; for a flat directory that is the same order, for a recursive one this walk
 * yields whole paths in order instead (`a/2`, `b/1` where Label Studio gives `b/1`, `a/2`).
 *
 * Symlinks to files are listed only when they resolve inside `realRoot`; symlinked directories
 * are not entered, so no loop or second path to the same files arises.
 */
export async function* filesUnder(
  directory: string,
  recursive: boolean,
  realRoot: string,
): AsyncGenerator<ListedObject> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if (SKIPPED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  for (const entry of sortedByName(entries)) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (recursive) yield* filesUnder(path, recursive, realRoot);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const file = await listed(path, entry.isSymbolicLink(), realRoot);
      if (file) yield file;
    }
  }
}

async function listed(
  path: string,
  symlink: boolean,
  realRoot: string,
): Promise<ListedObject | null> {
  try {
    if (symlink && !isWithin(await realpath(path), realRoot)) return null;
    const stats = await stat(path);
    return stats.isFile() ? { key: path, modifiedAt: stats.mtime, size: stats.size } : null;
  } catch (error) {
    if (SKIPPED.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

/** UTF-8 byte order is code point order (JavaScript's `<` compares UTF-16 units). */
function sortedByName(entries: Dirent[]): Dirent[] {
  return entries
    .map((entry) => ({ entry, name: Buffer.from(entry.name) }))
    .sort((a, b) => Buffer.compare(a.name, b.name))
    .map(({ entry }) => entry);
}
