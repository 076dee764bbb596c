/** Longest stored name in UTF-8 bytes, well under the 255 most file systems allow. */
export const MAX_NAME_BYTES = 120;
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = 'upload';

/** `.csv` for `a.b.csv`, `''` for a name without one (a leading dot does not start one). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let kept = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    kept += char;
  }
  return kept;
}

/**
 * The name an uploaded file is stored under: the last path segment of what the client sent
 * (browsers on Windows may send `C:\dir\a.csv`), letters and digits of any script, `.`, `_` and
 * `-` kept and everything else (separators, spaces, control and markup characters) replaced by
 * `_`, no leading dot, and at most {@link MAX_NAME_BYTES} bytes with the extension kept.
 */
export function sanitizeUploadName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .replace(/^\.+/, '');
  if (!cleaned) return FALLBACK_NAME;
  const extension = extensionOf(cleaned).slice(0, MAX_EXTENSION_LENGTH);
  const stem = cleaned.slice(0, cleaned.length - extensionOf(cleaned).length);
  const kept = truncateToBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(extension));
  return `${kept || FALLBACK_NAME}${extension}`;
}
