import { createReadStream } from 'node:fs';

const READ_CHUNK_BYTES = 64 * 1024;
const LINE_BREAK = /\r\n|\r|\n/g;
const BOM = '\uFEFF';

/**
 * The lines of a UTF-8 file, a chunk's worth at a time, cut where Python's `str.splitlines`
 * cuts ordinary text (`\n`, `\r\n`, `\r`): breaks are dropped, an empty line inside the file is
 * kept, a final line break does not add an empty line. A leading byte order mark is dropped.
 */
export async function* linesOf(path: string): AsyncGenerator<string[]> {
  let rest = '';
  let first = true;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    const lines: string[] = [];
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
      // A `\r` that ends the chunk may be the first half of a `\r\n` split across chunks.
      if (m.index === text.length - 1 && m[0] === '\r') break;
      lines.push(text.slice(start, m.index));
      start = m.index + m[0].length;
    }
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}
