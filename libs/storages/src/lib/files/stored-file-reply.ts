import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ByteSpan, StoredFileInfo } from './file-store';

/** What a GET of a stored file answers, from its request headers and what the file is. */
export type ServedPart =
  { status: 200 } | { status: 206; span: ByteSpan } | { status: 304 } | { status: 416 };

export interface ConditionalHeaders {
  range?: string;
  'if-range'?: string;
  'if-modified-since'?: string;
}

/** HTTP dates count whole seconds. */
const httpTime = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/**
 * One range of `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` in a file of `size` bytes: its span,
 * 'unsatisfiable', or null for the whole file (no range, another unit, several ranges or a form
 * that does not parse are ignored, as `@fastify/send` does).
 */
export function requestedSpan(
  header: string | undefined,
  size: number,
): ByteSpan | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/** `If-Modified-Since` (without a range), then `Range` unless `If-Range` names another date. */
export function servedPart(headers: ConditionalHeaders, file: StoredFileInfo): ServedPart {
  const modified = httpTime(file.modifiedAt);
  const since = Date.parse(headers['if-modified-since'] ?? '');
  if (!headers.range && !Number.isNaN(since) && modified <= since) return { status: 304 };
  const ifRange = headers['if-range'];
  if (ifRange !== undefined && Date.parse(ifRange) !== modified) return { status: 200 };
  const span = requestedSpan(headers.range, file.size);
  if (span === 'unsatisfiable') return { status: 416 };
  return span ? { status: 206, span } : { status: 200 };
}

/**
 * Answers a GET or HEAD of a stored file with ranges and `If-Modified-Since` (200, 206, 304,
 * 416), `Last-Modified` and `Content-Length`; the content comes from `read` (a span of it for
 * 206), and is not read for a HEAD. The type and other headers are the caller's, set before.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFileInfo,
  read: (span?: ByteSpan) => Promise<Readable>,
): Promise<void> {
  const part = servedPart(request.headers as ConditionalHeaders, file);
  void reply
    .header('Accept-Ranges', 'bytes')
    .header('Last-Modified', new Date(httpTime(file.modifiedAt)).toUTCString());
  if (part.status === 304) {
    await reply.status(304).send();
    return;
  }
  if (part.status === 416) {
    await reply.status(416).header('Content-Range', `bytes */${file.size}`).send();
    return;
  }
  const span = part.status === 206 ? part.span : undefined;
  void reply
    .status(part.status)
    .header('Content-Length', span ? span.end - span.start + 1 : file.size);
  if (span) void reply.header('Content-Range', `bytes ${span.start}-${span.end}/${file.size}`);
  // Fastify's HEAD route keeps the length of a stream (an empty one here), not of no body.
  await reply.send(request.method === 'HEAD' ? Readable.from([]) : await read(span));
}
