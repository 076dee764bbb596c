import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A temporary disk: `root` plays LOCAL_FILES_DOCUMENT_ROOT, `storage` a storage's directory
 * inside it, `outside` a directory beside the root that no storage may reach.
 */
export interface LocalDisk {
  base: string;
  root: string;
  storage: string;
  outside: string;
  remove(): Promise<void>;
}

export async function localDisk(): Promise<LocalDisk> {
  const base = await mkdtemp(join(tmpdir(), 'local-files-'));
  const root = join(base, 'root');
  const storage = join(root, 'storage');
  const outside = join(base, 'outside');
  await mkdir(storage, { recursive: true });
  await mkdir(outside);
  return { base, root, storage, outside, remove: () => rm(base, { recursive: true, force: true }) };
}

export async function file(path: string, content: string, modified?: Date): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  if (modified) await utimes(path, modified, modified);
}

export function link(target: string, path: string): Promise<void> {
  return symlink(target, path);
}
