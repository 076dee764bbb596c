import { extname } from 'node:path';

/** Label Studio's `SUPPORTED_EXTENSIONS`, plus `.jsonl`. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [
  '.bmp',
  '.csv',
  '.flac',
  '.gif',
  '.htm',
  '.html',
  '.jpg',
  '.jpeg',
  '.json',
  '.jsonl',
  '.m4a',
  '.mp3',
  '.ogg',
  '.png',
  '.svg',
  '.tsv',
  '.txt',
  '.wav',
  '.xml',
  '.mp4',
  '.webm',
  '.webp',
  '.pdf',
];

const SUPPORTED = new Set(SUPPORTED_EXTENSIONS);
const TASKS_LIST_FORMATS = new Set(['.csv', '.tsv', '.txt']);
/** Formats whose content holds tasks; every other supported format is one asset per file. */
const TASKS_FORMATS = new Set(['.json', '.jsonl', ...TASKS_LIST_FORMATS]);

/** The lower-cased extension (with its dot) of a supported file name, else null. */
export function formatOf(filename: string): string | null {
  const ext = extname(filename).toLowerCase();
  return SUPPORTED.has(ext) ? ext : null;
}

/** CSV, TSV and TXT: a list of tasks, unless the import says files are not tasks lists. */
export function isTasksListFormat(ext: string): boolean {
  return TASKS_LIST_FORMATS.has(ext);
}

/** HTML, XML and media: the file is one task. */
export function isSingleAssetFormat(ext: string): boolean {
  return SUPPORTED.has(ext) && !TASKS_FORMATS.has(ext);
}
