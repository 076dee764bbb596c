import { normalize, posix, relative, resolve } from 'node:path';
import { isWithin } from './local-files-rules';

/** Where Label Studio serves local files; its storages' tasks point here (`?d=<relative path>`). */
export const LOCAL_FILES_URL = '/data/local-files/';

/**
 * Python's `urllib.parse.quote` with its default safe `/`, as Label Studio encodes `d`:
 * everything but letters, digits, `_.-~` and `/` is percent-encoded as UTF-8.
 */
export function quotePath(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
}

/**
 * The URL of a file under the document root, relative like ours (Label Studio prefixes its
 * `HOSTNAME` setting when set). Throws for a file outside the root, which no validated storage has.
 */
export function localFileUrl(file: string, documentRoot: string): string {
  const root = resolve(documentRoot);
  const absolute = resolve(file);
  if (absolute === root || !isWithin(absolute, root)) {
    throw new Error(`${file} is not inside LOCAL_FILES_DOCUMENT_ROOT=${documentRoot}`);
  }
  return `${LOCAL_FILES_URL}?d=${quotePath(relative(root, absolute))}`;
}

/**
 * The file a `d` parameter names (already decoded once, as a query parser does): normalised,
 * any leading `/` dropped and joined under the document root, as Label Studio's view does;
 * null when it would leave the root or cannot be a path (a NUL byte).
 */
export function requestedPath(d: string, documentRoot: string): string | null {
  if (d === '' || d.includes('\0')) return null;
  const root = resolve(documentRoot);
  const file = resolve(root, posix.normalize(d).replace(/^\/+/, ''));
  return isWithin(file, root) ? normalize(file) : null;
}

/** The file a `/data/local-files/?d=` URL names, or null for any other URL. */
export function fileOfLocalFileUrl(url: string, documentRoot: string): string | null {
  const match = /^\/data\/local-files\/?\?(.*)$/s.exec(url);
  if (!match) return null;
  const d = new URLSearchParams(match[1]).get('d');
  return d === null ? null : requestedPath(d, documentRoot);
}
