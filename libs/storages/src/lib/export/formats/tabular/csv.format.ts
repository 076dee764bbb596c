import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ConverterItem, ExportFormat } from '../export-format';
import { annotationFields, prettifiedValues } from './annotation-record';

/** Columns every record has, whatever the tasks hold. */
const ANNOTATION_COLUMNS = ['annotator', 'annotation_id', 'created_at', 'updated_at', 'lead_time'];

/** Rows written per chunk of the output. */
const ROWS_PER_CHUNK = 500;

const asJson = (value: unknown) => JSON.stringify(value);

/** One row per item, as Label Studio's CSV export: nested values as JSON text. */
function rowOf(item: ConverterItem): Record<string, unknown> {
  const row: Record<string, unknown> = { id: item.id };
  for (const [name, values] of Object.entries(item.output)) {
    const pretty = prettifiedValues(values);
    row[name] = typeof pretty === 'string' ? pretty : asJson(pretty);
  }
  for (const [key, value] of Object.entries(item.input)) {
    row[key] = value !== null && typeof value === 'object' ? asJson(value) : value;
  }
  return Object.assign(row, annotationFields(item, false));
}

/** A boolean as Python writes it, and unquoted like a number. */
class PythonBoolean {
  constructor(private readonly value: boolean) {}
  toString(): string {
    return this.value ? 'True' : 'False';
  }
}

/** A cell as Python's `csv.QUOTE_NONNUMERIC` sees it: a missing or null value is `""`. */
function cellOf(value: unknown): unknown {
  if (typeof value === 'boolean') return new PythonBoolean(value);
  return value === null || value === undefined ? '' : value;
}

/** Numbers and booleans bare, everything else quoted (`csv.QUOTE_NONNUMERIC`). */
const quoted = (value: unknown) => !(typeof value === 'number' || value instanceof PythonBoolean);

function linesOf(rows: unknown[][], delimiter: string): string {
  const text = Papa.unparse(
    rows.map((row) => row.map(cellOf)),
    { delimiter, newline: '\r\n', quotes: quoted },
  );
  return `${text}\r\n`;
}

async function* tableText(
  items: () => AsyncIterable<ConverterItem>,
  delimiter: string,
): AsyncIterable<string> {
  // Two passes, as the header is the sorted union of every record's keys.
  const columns = new Set(ANNOTATION_COLUMNS);
  for await (const item of items()) for (const key of Object.keys(rowOf(item))) columns.add(key);
  const header = [...columns].sort();
  yield linesOf([header], delimiter);
  let chunk: unknown[][] = [];
  for await (const item of items()) {
    const row = rowOf(item);
    chunk.push(header.map((column) => (Object.hasOwn(row, column) ? row[column] : null)));
    if (chunk.length === ROWS_PER_CHUNK) {
      yield linesOf(chunk, delimiter);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield linesOf(chunk, delimiter);
}

function tableFormat(name: 'CSV' | 'TSV', delimiter: string, description: string): ExportFormat {
  return {
    name,
    title: name,
    description,
    link: `https://labelstud.io/guide/export.html#${name}`,
    supports: () => true,
    // Both are written to `result.csv`, as Label Studio's converter does (TSV downloads as .csv).
    async convert(items, _context, output) {
      await output.add('result.csv', Readable.from(tableText(items, delimiter)));
    },
  };
}

export const CSV_FORMAT = tableFormat(
  'CSV',
  ',',
  'Results are stored as comma-separated values with the column names specified by the values of the "from_name" and "to_name" fields.',
);

export const TSV_FORMAT = tableFormat(
  'TSV',
  '\t',
  'Results are stored in tab-separated tabular file with column names specified by "from_name" "to_name" values',
);
