import { Transform, TransformCallback } from 'node:stream';
import { RemoteFetchError } from '@ls/core';

/** Passes bytes through, counting them, and fails once more than `limit` have gone by. */
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) callback(tooLarge(this.limit));
    else callback(null, chunk);
  }
}

export const tooLarge = (limit: number) =>
  new RemoteFetchError(`Remote file is larger than ${limit} bytes`);
