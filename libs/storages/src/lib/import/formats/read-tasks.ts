import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { csvSeparatorOf, readCsvTasks } from './csv-tasks';
import { ImportFormatError } from './import-format.error';
import { readJsonLinesTasks, readJsonTasks } from './json-tasks';
import { formatOf, isTasksListFormat } from './supported-formats';
import { linesOf } from './text-lines';

export { ImportFormatError } from './import-format.error';

/** The data key of a file's content before validation renames it to the config's first data key. */
export const UNDEFINED_DATA_KEY = '$undefined$';
export const DEFAULT_TASKS_BATCH_SIZE = 1000;

export interface TasksFile {
  /** Where the upload is on disk. */
  path: string;
  /** The name it was uploaded with; its extension decides the format. */
  name: string;
  /** The URL the file is served at, which single-asset tasks point to. */
  url: string;
}

export interface ReadTasksOptions {
  /** False: CSV, TSV and TXT files are single assets too (one task with their URL). */
  filesAsTasksList: boolean;
  batchSize?: number;
}

const assetTask = (value: string): unknown => ({ data: { [UNDEFINED_DATA_KEY]: value } });

/** Formats whose tasks {@link readTasks} reads from the file's bytes (others need its URL only). */
const CONTENT_FORMATS = new Set([
  '.json',
  '.jsonl',
  '.csv',
  '.tsv',
  '.txt',
  '.html',
  '.htm',
  '.xml',
]);

/** Whether {@link readTasks} reads the file's content, or makes its task from the URL alone. */
export function readsContent(name: string, options: ReadTasksOptions): boolean {
  const format = formatOf(name);
  if (format === null || (isTasksListFormat(format) && !options.filesAsTasksList)) return false;
  return CONTENT_FORMATS.has(format);
}

/**
 * The raw task items of an uploaded file, in file order, in batches of `batchSize` (the last one
 * shorter), following Label Studio's rules per format. Items are not validated: a JSON file's
 * items come as they are (task envelopes or bare data), other formats give `{ data: ... }`.
 * Files are streamed (JSON up to `WHOLE_JSON_MAX_BYTES` is parsed whole); a format error can
 * therefore arrive after some batches. Problems with the content throw {@link ImportFormatError}.
 */
export async function* readTasks(
  file: TasksFile,
  options: ReadTasksOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_TASKS_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const format = formatOf(file.name);
  if (format === null) {
    throw new ImportFormatError(`${extname(file.name) || file.name} extension is not supported`);
  }
  if (isTasksListFormat(format) && !options.filesAsTasksList) {
    yield [assetTask(file.url)];
    return;
  }
  switch (format) {
    case '.json':
      yield* readJsonTasks(file, batchSize);
      return;
    case '.jsonl':
      yield* readJsonLinesTasks(file, batchSize);
      return;
    case '.csv':
      yield* readCsvTasks(file, batchSize, await csvSeparatorOf(file.path));
      return;
    case '.tsv':
      yield* readCsvTasks(file, batchSize, '\t');
      return;
    case '.txt':
      yield* readTextTasks(file.path, batchSize);
      return;
    case '.html':
    case '.htm':
    case '.xml':
      yield [assetTask(await readFile(file.path, 'utf8'))];
      return;
    default:
      yield [assetTask(file.url)];
  }
}

/** One task per line. */
async function* readTextTasks(path: string, batchSize: number): AsyncGenerator<unknown[]> {
  let batch: unknown[] = [];
  for await (const lines of linesOf(path)) {
    for (const line of lines) {
      batch.push(assetTask(line));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
