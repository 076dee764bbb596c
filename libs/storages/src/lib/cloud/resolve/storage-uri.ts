/**
 * URIs task data may hold for objects of cloud storages. Redis values and local files are never
 * resolved this way (local files have their own URL), as in Label Studio.
 */
export const STORAGE_URI = /^((s3|gs|azure-blob|azure-spi):\/\/|dbfs:\/Volumes\/)[^\s]+$/i;

/** `fileuri` of the resolve routes: base64url of the URI (Label Studio), else a URL-quoted URI. */
export function decodeFileUri(fileUri: string): string | null {
  const trimmed = fileUri.trim();
  if (trimmed === '') return null;
  const decoded = Buffer.from(trimmed, 'base64url').toString('utf8');
  if (STORAGE_URI.test(decoded)) return decoded;
  try {
    const unquoted = decodeURIComponent(trimmed);
    return STORAGE_URI.test(unquoted) ? unquoted : null;
  } catch {
    return null;
  }
}

export function encodeFileUri(uri: string): string {
  return Buffer.from(uri, 'utf8').toString('base64url');
}
