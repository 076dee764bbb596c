import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  elapsedMs: number;
}

/** The port of an app's HTTP server, listening on loopback (started on first use). */
export async function portOf(server: Server): Promise<number> {
  if (!server.listening) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  return (server.address() as AddressInfo).port;
}

/**
 * A request that announces a body of `declaredBytes` and sends only `sentBytes` of it, then
 * waits for the answer: a server that reads bodies before deciding would wait for the rest.
 */
export function sendDeclaredBody(
  port: number,
  options: {
    method: string;
    path: string;
    declaredBytes: number;
    sentBytes?: number;
    headers?: Record<string, string>;
    timeoutMs?: number;
  },
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: options.method,
      path: options.path,
      headers: {
        'content-type': 'application/json',
        ...options.headers,
        'content-length': String(options.declaredBytes),
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 5000} ms`));
    }, options.timeoutMs ?? 5000);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        request.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          elapsedMs: Date.now() - started,
        });
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.write('['.padEnd(Math.min(options.sentBytes ?? 1024, options.declaredBytes), ' '));
  });
}
