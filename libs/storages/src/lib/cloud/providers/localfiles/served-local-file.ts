import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isWithin, SERVING_DISABLED } from './local-files-rules';
import { requestedPath } from './local-files-uri';

export interface LocalFileRequest {
  /** The `d` query parameter, decoded once by the query parser (never decoded again here). */
  d: string | null | undefined;
  documentRoot: string;
  servingEnabled: boolean;
  /** `path` of every local files import storage of the projects the caller can access. */
  storagePaths: readonly string[];
}

/** What `GET /data/local-files/?d=` answers: the real path of the file to send, or a refusal. */
export type LocalFileDecision =
  | { status: 200; path: string }
  | { status: 403; message: string }
  | { status: 404; message: string };

/** Label Studio answers these with an empty body. */
const NOT_FOUND: LocalFileDecision = { status: 404, message: '' };

/**
 * Label Studio's `localfiles_data` decision (`io_storages/localfiles/views.py`): 403 while
 * serving is disabled or without `d`; `d` normalised and joined under the document root, 404
 * when it leaves the root; 404 unless the file's directory is inside one of the storages' paths
 * (whole segments) and the file exists. Beyond Label Studio, the file's real path (symlinks
 * resolved) must also be inside the real path of the document root and of such a storage, so a
 * symlink in a storage cannot serve a file from elsewhere; that real path is what to open.
 */
export async function servedLocalFile(request: LocalFileRequest): Promise<LocalFileDecision> {
  if (!request.servingEnabled) return { status: 403, message: SERVING_DISABLED };
  if (!request.d) return { status: 403, message: '' };
  const file = requestedPath(request.d, request.documentRoot);
  if (file === null) return NOT_FOUND;
  const directory = dirname(file);
  const storages = request.storagePaths
    .filter((path) => isAbsolute(path))
    .map((path) => resolve(path))
    .filter((path) => isWithin(directory, path));
  if (storages.length === 0) return NOT_FOUND;

  const real = await realPathOrNull(file);
  if (real === null || !(await isFile(real))) return NOT_FOUND;
  const realRoot = await realPathOrNull(resolve(request.documentRoot));
  if (realRoot === null || !isWithin(real, realRoot)) return NOT_FOUND;
  for (const storage of storages) {
    const realStorage = await realPathOrNull(storage);
    if (realStorage !== null && isWithin(real, realStorage)) return { status: 200, path: real };
  }
  return NOT_FOUND;
}

async function realPathOrNull(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
