import { IncomingMessage } from 'node:http';
import { pipeline, Transform, TransformCallback } from 'node:stream';
import { parseContentRange } from '../content-range';
import { ObjectBody } from '../storage-provider';

/**
 * A download's body as the port hands it on. `chunkBytes` (the storage's `stream_chunk_bytes`)
 * is the largest chunk it yields and how much it reads ahead of its consumer: past that the
 * socket is paused, so a slow client never makes the server hold more of the object.
 */
export function downloadedBody(response: IncomingMessage, chunkBytes: number): ObjectBody {
  const header = (name: string) => {
    const value = response.headers[name];
    return typeof value === 'string' ? value : null;
  };
  const length = header('content-length');
  const size = length === null ? null : Number(length);
  const range = response.statusCode === 206 ? parseContentRange(header('content-range')) : null;
  const modified = header('last-modified');
  const body = pipeline(response, new Rechunk(chunkBytes), () => undefined);
  return {
    body,
    size,
    totalSize: range ? range.total : size,
    contentType: header('content-type'),
    etag: header('etag'),
    lastModified: modified && !Number.isNaN(Date.parse(modified)) ? new Date(modified) : null,
    range: range && { start: range.start, end: range.end },
  };
}

/** Splits chunks larger than `chunkBytes`, and buffers at most that much. */
class Rechunk extends Transform {
  constructor(private readonly chunkBytes: number) {
    super({ readableHighWaterMark: chunkBytes, writableHighWaterMark: chunkBytes });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let start = 0; start < chunk.length; start += this.chunkBytes) {
      this.push(chunk.subarray(start, start + this.chunkBytes));
    }
    done();
  }
}
