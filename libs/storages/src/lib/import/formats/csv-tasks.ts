import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { ImportFormatError } from './import-format.error';

/** How much of a CSV file is read to find its header line (for the separator). */
const HEADER_PEEK_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 64 * 1024;

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

/** Rows of a CSV or TSV file with a header row, each as `{ data: row }`. */
export async function* readCsvTasks(
  file: CsvFile,
  batchSize: number,
  delimiter: string,
): AsyncGenerator<unknown[]> {
  const parser = parse({
    delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_quotes: true,
    // Short rows are filled with empty cells (pandas' NaN, then ""); long rows are an error.
    relax_column_count_less: true,
  });
  pipeline(createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES }), parser, () => {
    // Errors reach the loop below through the parser; early exits need no report.
  });
  let columns: string[] | undefined;
  let batch: unknown[] = [];
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await records.next();
      } catch (error) {
        throw csvError(file.name, error, columns);
      }
      if (next.done) break;
      const record = next.value;
      if (!columns) {
        columns = columnNames(record);
        continue;
      }
      const row: Record<string, string | number> = {};
      for (let i = 0; i < columns.length; i++) {
        const cell = record[i];
        row[columns[i]] = cell === undefined ? '' : csvCell(cell);
      }
      batch.push({ data: row });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    parser.destroy();
  }
  if (!columns) {
    throw new ImportFormatError(`Can't parse CSV from file ${file.name}: No columns to parse`);
  }
  if (batch.length > 0) yield batch;
}

function csvError(name: string, error: unknown, columns: string[] | undefined): unknown {
  if (!(error instanceof Error) || !('code' in error) || !String(error.code).startsWith('CSV_')) {
    return error;
  }
  const details = error as Error & { code: string; lines?: number; record?: unknown[] };
  if (details.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && columns) {
    return new ImportFormatError(
      `Can't parse CSV from file ${name}: Expected ${columns.length} fields in line ` +
        `${details.lines}, saw ${details.record?.length}`,
    );
  }
  return new ImportFormatError(`Can't parse CSV from file ${name}: ${error.message}`);
}
