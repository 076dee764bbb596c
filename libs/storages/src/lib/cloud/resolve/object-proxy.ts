import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { ByteRange, ObjectBody } from '../providers/storage-provider';
import { contentDispositionOf, servedTypeOf, SNIFF_BYTES } from '../../uploads/served-content-type';

/** `Range: bytes=a-b` (one range); anything else reads the whole object. */
export function requestedRange(
  header: string | undefined,
  maxBytes: number,
): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || match[1] === '') return undefined;
  const start = Number(match[1]);
  const end = match[2] === '' ? undefined : Number(match[2]);
  if (end !== undefined && end < start) return undefined;
  // A range is clamped, so one request never holds more than `maxBytes` of the object.
  const clamped = start + maxBytes - 1;
  return { start, end: end === undefined ? clamped : Math.min(end, clamped) };
}

/** An ETag per user: a shared cache never hands one user's copy to another. */
export function userEtag(etag: string | null, userId: number): string | null {
  if (!etag) return null;
  return `W/"${createHash('sha256').update(`${userId}:${etag}`).digest('hex').slice(0, 32)}"`;
}

/** The first bytes of a stream, and a stream that still yields them. */
async function peek(body: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Leaving this loop early must not destroy the stream: the rest of it is still to be sent.
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(bytes);
    length += bytes.length;
    if (length >= SNIFF_BYTES) break;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    yield* body;
  }
  return {
    head: head.subarray(0, SNIFF_BYTES),
    stream: Readable.from(rest(), { objectMode: false }),
  };
}

/**
 * Sends an object read from a storage: the type judged from its name and bytes (HTML, SVG and
 * XML never run as pages of our origin), a per-user ETag, and the range answered.
 */
export async function sendObject(
  reply: FastifyReply,
  key: string,
  object: ObjectBody,
  etag: string | null,
): Promise<void> {
  const { head, stream } = await peek(object.body);
  const { contentType, attachment } = servedTypeOf(key, head);
  void reply
    .status(object.range ? 206 : 200)
    .header('Content-Type', contentType)
    .header('Content-Disposition', contentDispositionOf(key.split('/').pop() ?? key, attachment))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "sandbox; default-src 'none'")
    .header('Cache-Control', 'private, no-cache')
    .header('Accept-Ranges', 'bytes');
  if (etag) void reply.header('ETag', etag);
  if (object.size !== null) void reply.header('Content-Length', object.size);
  if (object.range) {
    const total = object.totalSize === null ? '*' : String(object.totalSize);
    void reply.header('Content-Range', `bytes ${object.range.start}-${object.range.end}/${total}`);
  }
  await reply.send(stream);
}
