import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

/**
 * Label Studio's messages (`io_storages/localfiles/models.py` `validate_connection`, and the
 * 403 of `views.py` `localfiles_data`).
 */
export const SERVING_DISABLED =
  "Serving local files can be dangerous, so it's disabled by default. " +
  'You can enable it with LOCAL_FILES_SERVING_ENABLED environment variable, ' +
  'please check docs: https://labelstud.io/guide/storage.html#Local-storage';

export function pathMissing(path: string): string {
  return `Path ${path} does not exist`;
}

export function notADirectory(path: string): string {
  return `Path ${path} is not a directory`;
}

export function outsideDocumentRoot(path: string, documentRoot: string): string {
  return (
    `Path ${path} must start with LOCAL_FILES_DOCUMENT_ROOT=${documentRoot} ` +
    `and must be a child, e.g.: ${join(documentRoot, 'abc')}`
  );
}

/** The server settings local files storages obey (`LOCAL_FILES_*` of AppConfig). */
export interface LocalFilesRules {
  documentRoot: string;
  servingEnabled: boolean;
}

/** `path` is `parent` or below it, comparing whole segments: `/data/ab` is not in `/data/a`. */
export function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

export function isStrictlyWithin(path: string, parent: string): boolean {
  return path !== parent && isWithin(path, parent);
}

/**
 * Why `path` cannot be a local files storage's directory, or null when it can. Label Studio's
 * checks and messages, in a safer order: nothing about the disk is said while serving is
 * disabled, nor about paths outside the document root. The root is compared twice: as written
 * (Label Studio's check, `..` resolved) and after resolving symlinks, so a link inside the root
 * cannot make a storage of a directory outside it. Synchronous, as a storage type's `check` is.
 */
export function localFilesPathProblem(path: unknown, rules: LocalFilesRules): string | null {
  if (!rules.servingEnabled) return SERVING_DISABLED;
  const text = typeof path === 'string' ? path : '';
  if (text === '') return pathMissing(text);
  const root = resolve(rules.documentRoot);
  if (!isAbsolute(text) || !isStrictlyWithin(resolve(text), root)) {
    return outsideDocumentRoot(text, rules.documentRoot);
  }
  const stats = statSync(text, { throwIfNoEntry: false });
  if (!stats) return pathMissing(text);
  if (!stats.isDirectory()) return notADirectory(text);
  const realRoot = realPathOrNull(root);
  if (realRoot === null || !isStrictlyWithin(realpathSync(text), realRoot)) {
    return outsideDocumentRoot(text, rules.documentRoot);
  }
  return null;
}

function realPathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
