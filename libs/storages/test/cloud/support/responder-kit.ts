import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many requests of each kind a responder took, by kind. */
export type RequestCounts<Kind extends string> = Record<Kind, number>;

/** Every count of `kinds` at zero. */
export function zeroCounts<Kind extends string>(kinds: readonly Kind[]): RequestCounts<Kind> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as RequestCounts<Kind>;
}

/** Starts `server` on a free port of 127.0.0.1: the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Stops `server`, ending the connections it still holds. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Answers with `body` and `headers`: whole (200), or the one range the request's `Range` asks
 * for (`bytes=a-b`, `bytes=a-`, `bytes=-n`: 206), or 416 when none of it is there.
 */
export function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
  headers: Record<string, string>,
) {
  const total = body.length;
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(request.headers.range ?? ''));
  if (!range) {
    response.writeHead(200, { ...headers, 'Content-Length': total }).end(body);
    return;
  }
  const start = range[1] === '' ? Math.max(0, total - Number(range[2])) : Number(range[1]);
  const end =
    range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), total - 1) : total - 1;
  if (start >= total || start > end) {
    response.writeHead(416, { 'Content-Range': `bytes */${total}` }).end();
    return;
  }
  response
    .writeHead(206, {
      ...headers,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${total}`,
    })
    .end(body.subarray(start, end + 1));
}
