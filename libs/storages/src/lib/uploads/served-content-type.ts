import { extensionOf } from './upload-name';

/** Bytes read from the start of a file to recognise its type. */
export const SNIFF_BYTES = 16;

interface Signature {
  type: string;
  matches(head: Buffer): boolean;
  /** A short signature plain text can start with: trusted only for these extensions. */
  onlyFor?: string[];
}

const startsWith = (head: Buffer, bytes: number[] | string, offset = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.subarray(offset, offset + expected.length).equals(expected);
};

const isFtyp = (head: Buffer) => startsWith(head, 'ftyp', 4);
const AUDIO_MP4_BRANDS = ['M4A ', 'M4B ', 'M4P '];

/**
 * Magic numbers of the binary formats Label Studio accepts. SVG, HTML and XML are text and are
 * never recognised here: they are not served as something a browser runs.
 */
const SIGNATURES: Signature[] = [
  { type: 'image/png', matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) },
  { type: 'image/jpeg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (h) => startsWith(h, 'GIF87a') || startsWith(h, 'GIF89a') },
  {
    type: 'image/webp',
    matches: (h) => startsWith(h, 'RIFF') && startsWith(h, 'WEBP', 8),
  },
  { type: 'image/bmp', matches: (h) => startsWith(h, 'BM'), onlyFor: ['.bmp'] },
  { type: 'application/pdf', matches: (h) => startsWith(h, '%PDF-') },
  { type: 'audio/wav', matches: (h) => startsWith(h, 'RIFF') && startsWith(h, 'WAVE', 8) },
  { type: 'audio/ogg', matches: (h) => startsWith(h, 'OggS') },
  { type: 'audio/flac', matches: (h) => startsWith(h, 'fLaC') },
  { type: 'audio/mpeg', matches: (h) => startsWith(h, 'ID3') },
  {
    type: 'audio/mpeg',
    matches: (h) => h.length >= 2 && h[0] === 0xff && (h[1] & 0xe0) === 0xe0,
    onlyFor: ['.mp3'],
  },
  {
    type: 'audio/mp4',
    matches: (h) => isFtyp(h) && AUDIO_MP4_BRANDS.includes(h.toString('latin1', 8, 12)),
  },
  { type: 'video/mp4', matches: isFtyp },
  { type: 'video/webm', matches: (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]) },
];

/** Text formats shown as they are; nothing in them can run. */
const TEXT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.tsv': 'text/plain; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Markup a browser would run as a page of our origin (Label Studio's stored XSS came through
 * these): always plain text, and downloaded rather than shown.
 */
const ACTIVE_EXTENSIONS = new Set(['.html', '.htm', '.svg', '.xml']);

export interface ServedType {
  contentType: string;
  /** Whether the browser should save the file instead of showing it. */
  attachment: boolean;
}

/** How an uploaded file is served, from its first bytes and then its extension. */
export function servedTypeOf(fileName: string, head: Buffer): ServedType {
  const extension = extensionOf(fileName).toLowerCase();
  if (ACTIVE_EXTENSIONS.has(extension)) {
    return { contentType: 'text/plain; charset=utf-8', attachment: true };
  }
  const signature = SIGNATURES.find(
    (candidate) =>
      (!candidate.onlyFor || candidate.onlyFor.includes(extension)) && candidate.matches(head),
  );
  if (signature) return { contentType: signature.type, attachment: false };
  const text = TEXT_TYPES[extension];
  if (text) return { contentType: text, attachment: false };
  return { contentType: 'application/octet-stream', attachment: true };
}

/** `inline` or `attachment` with the name in ASCII and, when it is not, in RFC 5987 form too. */
export function contentDispositionOf(fileName: string, attachment: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = `${attachment ? 'attachment' : 'inline'}; filename="${ascii}"`;
  return ascii === fileName
    ? disposition
    : `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
