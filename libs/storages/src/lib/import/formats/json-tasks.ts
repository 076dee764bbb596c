import { JSONParser } from '@streamparser/json';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ImportFormatError } from './import-format.error';
import { linesOf } from './text-lines';

/**
 * JSON files up to this size are read whole and given to `JSON.parse`; bigger ones are streamed.
 * Measured on a 100k-task, 22 MB array: `JSON.parse` takes ~0.2 s with a peak of ~3x the file
 * size in memory (~+90 MB), the streaming parser ~0.45-0.7 s at a flat ~+20 MB. Below this bound
 * the speed is worth the memory (at most ~+100 MB per import for ASCII text); above it, memory
 * stays flat however large the file grows.
 */
export const WHOLE_JSON_MAX_BYTES = 32 * 1024 * 1024;

const READ_CHUNK_BYTES = 64 * 1024;
/** The streaming parser's string buffer: ~30% faster than building strings piece by piece. */
const STRING_BUFFER_BYTES = 64 * 1024;
const BOM = '\uFEFF';

interface JsonFile {
  path: string;
  name: string;
}

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const rootError = (name: string): ImportFormatError =>
  new ImportFormatError(`${name}: Data root must be a list or an object`);

/**
 * Items of a `.json` file: a top-level array gives its elements, a top-level object is one item.
 * `wholeFileMaxBytes` only moves the bound between reading whole and streaming (tests use it).
 */
export async function* readJsonTasks(
  file: JsonFile,
  batchSize: number,
  wholeFileMaxBytes = WHOLE_JSON_MAX_BYTES,
): AsyncGenerator<unknown[]> {
  const { size } = await stat(file.path);
  if (size > wholeFileMaxBytes) {
    yield* streamJsonTasks(file, batchSize);
    return;
  }
  const items = await parseWholeJson(file);
  if (items.length <= batchSize) {
    if (items.length > 0) yield items;
    return;
  }
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    // Let the items already handed over be collected while the rest is imported.
    items.fill(undefined, start, start + batchSize);
    yield batch;
  }
}

async function parseWholeJson(file: JsonFile): Promise<unknown[]> {
  let root: unknown;
  try {
    const text = await readFile(file.path, 'utf8');
    root = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw await syntaxError(file, reasonOfJsonParse(error.message));
  }
  if (Array.isArray(root)) return root;
  if (isObject(root)) return [root];
  throw rootError(file.name);
}

async function* streamJsonTasks(file: JsonFile, batchSize: number): AsyncGenerator<unknown[]> {
  let parser: JSONParser | undefined;
  let rootIsArray = false;
  let failure: Error | undefined;
  let pending: unknown[] = [];
  let first = true;
  const stream = createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let bytes = first ? withoutBom(chunk) : chunk;
    first = false;
    if (!parser) {
      const start = firstNonWhitespace(bytes);
      if (start < 0) continue;
      rootIsArray = bytes[start] === 0x5b; // [
      parser = new JSONParser({
        paths: [rootIsArray ? '$.*' : '$'],
        keepStack: false,
        stringBufferSize: STRING_BUFFER_BYTES,
      });
      parser.onValue = ({ value }) => {
        pending.push(value);
      };
      parser.onError = (error) => {
        failure ??= error;
      };
      bytes = bytes.subarray(start);
    }
    parser.write(bytes);
    if (failure) break;
    if (pending.length >= batchSize) {
      let start = 0;
      for (; start + batchSize <= pending.length; start += batchSize) {
        yield pending.slice(start, start + batchSize);
      }
      pending = pending.slice(start);
    }
  }
  if (!failure) {
    if (!parser) failure = new Error('Unexpected end of JSON input');
    else if (!parser.isEnded) parser.end();
  }
  if (failure) throw await syntaxError(file, reasonOfStreamParser(failure.message));
  if (!rootIsArray && !isObject(pending[0])) throw rootError(file.name);
  if (pending.length > 0) yield pending;
}

/** Items of a `.jsonl` file: one JSON value per non-blank line. */
export async function* readJsonLinesTasks(
  file: JsonFile,
  batchSize: number,
): AsyncGenerator<unknown[]> {
  let lineNumber = 0;
  let batch: unknown[] = [];
  for await (const lines of linesOf(file.path)) {
    for (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      try {
        batch.push(JSON.parse(line));
      } catch (error) {
        const reason = reasonOfJsonParse(error instanceof Error ? error.message : String(error));
        throw new ImportFormatError(
          `Can't parse JSONL from file ${file.name}: ${reason} at line ${lineNumber}`,
        );
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

async function syntaxError(file: JsonFile, reason: string): Promise<ImportFormatError> {
  const line = await jsonErrorLine(file.path);
  const where = line === undefined ? '' : ` at line ${line}`;
  return new ImportFormatError(`Can't parse JSON from file ${file.name}: ${reason}${where}`);
}

/**
 * The line of a JSON file's first syntax error, found by feeding a streaming parser one line at
 * a time. Only run once parsing has failed, so that the fast path never counts lines.
 */
async function jsonErrorLine(path: string): Promise<number | undefined> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let failed = false;
  parser.onValue = () => undefined;
  parser.onError = () => {
    failed = true;
  };
  let line = 1;
  let lastContentLine = 0;
  let first = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const bytes = first ? withoutBom(chunk) : chunk;
    first = false;
    for (let start = 0; start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline + 1;
      const piece = bytes.subarray(start, end);
      if (firstNonWhitespace(piece) >= 0) lastContentLine = line;
      parser.write(piece);
      if (failed) return line;
      if (newline < 0) break;
      line++;
      start = end;
    }
  }
  // An empty document is an error only `JSON.parse` reports: place it on the first line.
  if (lastContentLine === 0) return 1;
  if (!parser.isEnded) parser.end();
  return failed ? lastContentLine : undefined;
}

/** V8's message without the position and the quoted source it appends. */
function reasonOfJsonParse(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
}

/** The streaming parser's message, worded like `JSON.parse`'s. */
function reasonOfStreamParser(message: string): string {
  if (/ended in (?:mid-parsing|the middle of a token)/.test(message)) {
    return 'Unexpected end of JSON input';
  }
  const character = /^Unexpected "([\s\S]*?)" at chunk position/.exec(message);
  if (character) return `Unexpected character ${JSON.stringify(character[1])}`;
  const token = /^Unexpected [A-Z_]+ \(([\s\S]*)\) in state/.exec(message);
  if (token) return `Unexpected token ${token[1]}`;
  return message;
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function firstNonWhitespace(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return i;
  }
  return -1;
}
