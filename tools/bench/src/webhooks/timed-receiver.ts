import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A webhook receiver that notes when each annotation's event arrived (ms, `performance.now`). */
export class TimedReceiver {
  readonly arrivals = new Map<number, number>();
  requests = 0;
  /** The last body received: what a delivery weighs. */
  lastBody = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const at = performance.now();
        this.requests += 1;
        this.lastBody = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(this.lastBody) as {
          annotation?: { id?: number };
        };
        const id = body.annotation?.id;
        if (typeof id === 'number' && !this.arrivals.has(id)) this.arrivals.set(id, at);
        response.writeHead(200).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  reset(): void {
    this.arrivals.clear();
    this.requests = 0;
  }

  /** Resolves once every one of `annotationIds` has arrived. */
  async waitForAnnotations(annotationIds: number[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = annotationIds.filter((id) => !this.arrivals.has(id)).length;
      if (missing === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `${missing} of ${annotationIds.length} events missing after ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
