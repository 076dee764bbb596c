import { StorageConnectionError } from '../storage-provider';

/**
 * Where a storage's objects live: `/Volumes/<catalog>/<schema>/<volume>`. Keys are paths relative
 * to it (prefix included, as S3 keys are), and every path sent is built here, segment by segment,
 * each one URL-encoded, so no key can reach outside the volume.
 */
export class VolumePaths {
  /** `/Volumes/<catalog>/<schema>/<volume>`, as Databricks names it (not encoded). */
  readonly root: string;
  private readonly encodedRoot: string;

  constructor(catalog: string, schema: string, volume: string) {
    const segments = ['Volumes', catalog, schema, volume];
    this.root = `/${segments.join('/')}`;
    this.encodedRoot = `/${segments.map(encodeURIComponent).join('/')}`;
  }

  /** The encoded path of a file of the volume, for `/api/2.0/fs/files{path}`. */
  file(key: string): string {
    const segments = keySegments(key);
    if (segments.length === 0) throw new StorageConnectionError('An object key is required');
    return `${this.encodedRoot}/${segments.map(encodeURIComponent).join('/')}`;
  }

  /** The encoded path of a directory (`''`: the volume's root), for `/api/2.0/fs/directories`. */
  directory(key: string): string {
    const segments = keySegments(key);
    return [this.encodedRoot, ...segments.map(encodeURIComponent)].join('/');
  }

  /** `/Volumes/c/s/v/<key>` as shown to users (not encoded). */
  shown(key: string): string {
    const clean = normalizedKey(key);
    return clean ? `${this.root}/${clean}` : this.root;
  }
}

/** A prefix or key with its slashes tidied (`/a//b/` → `a/b`); refused when it leaves the volume. */
export function normalizedKey(key: string): string {
  return keySegments(key).join('/');
}

function keySegments(key: string): string[] {
  const segments = key.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || segment.includes('\\') || hasControl(segment)) {
      throw new StorageConnectionError(`Invalid path "${key}": it must stay inside the volume`);
    }
  }
  return segments;
}

/** Control characters (C0 and DEL) have no place in a path. */
export function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
