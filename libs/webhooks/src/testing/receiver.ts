import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown> & { action: string };
  status: number;
}

/**
 * A webhook receiver on 127.0.0.1 that records every request; `answer` decides the status of
 * each (by default 200), `holdMs` how long it takes to answer.
 */
export class Receiver {
  readonly requests: Received[] = [];
  answer: (request: Omit<Received, 'status'>, index: number) => number = () => 200;
  holdMs = 0;
  /** The JSON answered (by default `{}`). */
  bodyOf: (request: Omit<Received, 'status'>) => unknown = () => ({});
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const seen = {
          path: request.url ?? '',
          headers: request.headers,
          raw,
          body: raw ? JSON.parse(raw) : { action: '' },
        };
        const status = this.answer(seen, this.requests.length);
        this.requests.push({ ...seen, status });
        const body = JSON.stringify(this.bodyOf(seen));
        setTimeout(
          () => response.writeHead(status, { 'Content-Type': 'application/json' }).end(body),
          this.holdMs,
        );
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  received(action?: string, path?: string): Received[] {
    return this.requests.filter(
      (r) => (!action || r.body.action === action) && (!path || r.path === path),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Runs `check` until it passes (every 50 ms), failing with its last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
