import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { ImportFormatError } from './import-format.error';

/** How much of a CSV file is read to find its header line (for the separator). */
const HEADER_PEEK_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 64 * 1024;
/** Parsed chunks held before the parser is paused: bounds memory whatever the file's size. */
const MAX_WAITING_CHUNKS = 4;

/** A plain decimal number as pandas reads one: `12`, `-3`, `007`, `1.5`, `.5`, `1e3`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

interface CsvFile {
  path: string;
  name: string;
}

/** `;` when the header line has more semicolons than commas (Label Studio's rule), else `,`. */
export async function csvSeparatorOf(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_PEEK_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const newline = bytes.indexOf(0x0a);
    const header = newline < 0 ? bytes : bytes.subarray(0, newline);
    let semicolons = 0;
    let commas = 0;
    for (const byte of header) {
      if (byte === 0x3b) semicolons++;
      else if (byte === 0x2c) commas++;
    }
    return semicolons > commas ? ';' : ',';
  } finally {
    await handle.close();
  }
}

/**
 * A cell as pandas would type it: plain decimal numbers become numbers, anything else stays the
 * string it is. Integers beyond 2^53 stay strings (a JS number would silently change them).
 */
export function csvCell(text: string): string | number {
  if (text === '') return text;
  const code = text.charCodeAt(0);
  // Cheap first-character test: most text cells never reach the regular expression.
  if ((code < 0x30 || code > 0x39) && code !== 0x2d && code !== 0x2b && code !== 0x2e) return text;
  if (!DECIMAL.test(text)) return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (!Number.isSafeInteger(value) && INTEGER.test(text)) return text;
  return value;
}

/** Column names as pandas gives them: `Unnamed: <i>` for an empty one, `a.1` for a repeated `a`. */
function columnNames(header: string[]): string[] {
  const used = new Set<string>();
  return header.map((raw, index) => {
    const base = raw === '' ? `Unnamed: ${index}` : raw;
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}.${n}`;
    used.add(name);
    return name;
  });
}

/** Parsed rows of a file, chunk by chunk, with the parser paused while they wait to be read. */
async function* rowChunks(file: CsvFile, delimiter: string): AsyncGenerator<string[][]> {
  const waiting: string[][][] = [];
  // Set only while the parser is paused: papaparse's resume() of a running parser polls forever.
  let paused: Papa.Parser | undefined;
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  // A utf8 stream hands whole characters to the parser, even where a chunk splits one.
  const input = createReadStream(file.path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  Papa.parse<string[]>(input, {
    delimiter,
    skipEmptyLines: true,
    chunk: (results, current) => {
      const quoting = results.errors.find((error) => error.type === 'Quotes');
      if (quoting) {
        failure = new ImportFormatError(
          `Can't parse CSV from file ${file.name}: ${quoting.message} (row ${quoting.row})`,
        );
        current.abort();
      } else {
        waiting.push(results.data);
        if (waiting.length >= MAX_WAITING_CHUNKS) {
          current.pause();
          paused = current;
        }
      }
      signal();
    },
    complete: () => {
      finished = true;
      signal();
    },
    error: (error: Error) => {
      failure = error;
      signal();
    },
  });
  try {
    for (;;) {
      const rows = waiting.shift();
      if (rows) {
        if (paused && waiting.length < MAX_WAITING_CHUNKS) {
          const parser = paused;
          paused = undefined;
          parser.resume();
        }
        yield rows;
      } else if (failure) throw failure;
      else if (finished) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    input.destroy();
  }
}

/** Rows of a CSV or TSV file with a header row, each as `{ data: row }`. */
export async function* readCsvTasks(
  file: CsvFile,
  batchSize: number,
  delimiter: string,
): AsyncGenerator<unknown[]> {
  let columns: string[] | undefined;
  let rowNumber = 0;
  let batch: unknown[] = [];
  for await (const rows of rowChunks(file, delimiter)) {
    for (const record of rows) {
      if (!columns) {
        if (record.length > 0) record[0] = record[0].replace(/^\uFEFF/, '');
        columns = columnNames(record);
        continue;
      }
      rowNumber += 1;
      if (record.length > columns.length) {
        throw new ImportFormatError(
          `Can't parse CSV from file ${file.name}: Expected ${columns.length} fields in row ` +
            `${rowNumber}, saw ${record.length}`,
        );
      }
      // Short rows are filled with empty cells (pandas' NaN, then ""). Headers are the file's:
      // each becomes an own key, `__proto__` included.
      const row = Object.fromEntries(
        columns.map((column, i) => [column, record[i] === undefined ? '' : csvCell(record[i])]),
      );
      batch.push({ data: row });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (!columns) {
    throw new ImportFormatError(`Can't parse CSV from file ${file.name}: No columns to parse`);
  }
  if (batch.length > 0) yield batch;
}
