import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';

const INDENT = '  ';

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep. */
export function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

/**
 * The elements of a JSON array, appended one by one to a file so a large array never sits in
 * memory, formatted as `JSON.stringify(..., null, 2)` formats an array at `depth`.
 */
export class JsonArrayFile {
  private readonly stream: WriteStream;
  private closing: Promise<void> | null = null;
  count = 0;

  constructor(
    private readonly path: string,
    private readonly depth: number,
  ) {
    this.stream = createWriteStream(path);
  }

  async push(value: unknown): Promise<void> {
    const separator = this.count === 0 ? '' : ',\n';
    const padding = INDENT.repeat(this.depth + 1);
    this.count++;
    if (!this.stream.write(`${separator}${padding}${indentedJson(value, this.depth + 1)}`)) {
      await once(this.stream, 'drain');
    }
  }

  /** Ends the file; safe to call again (the second call waits for the first). */
  close(): Promise<void> {
    if (!this.closing) {
      if (this.stream.closed) return Promise.resolve();
      const closed = once(this.stream, 'close').then(() => undefined);
      this.stream.end();
      this.closing = closed;
    }
    return this.closing;
  }

  /** The array's text, read back from the file. */
  async *chunks(): AsyncGenerator<string | Buffer> {
    if (this.count === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    yield* createReadStream(this.path);
    yield `\n${INDENT.repeat(this.depth)}]`;
  }
}
