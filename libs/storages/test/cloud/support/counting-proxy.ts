import { once } from 'node:events';
import { createServer, request as forward, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What went through the proxy, by kind of S3 request. */
export interface S3RequestCounts {
  lists: number;
  gets: number;
  heads: number;
  puts: number;
  others: number;
}

/**
 * A reverse proxy in front of an S3-compatible server that counts the requests a client makes:
 * what a sync costs the store (listing pages, object reads) shows in the counts.
 */
export class CountingProxy {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    readonly counts: S3RequestCounts,
  ) {}

  static async start(target: string): Promise<CountingProxy> {
    const upstream = new URL(target);
    const counts: S3RequestCounts = { lists: 0, gets: 0, heads: 0, puts: 0, others: 0 };
    const server = createServer((incoming, outgoing) => {
      count(counts, incoming.method ?? '', incoming.url ?? '');
      const relayed = forward(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      relayed.on('error', () => outgoing.destroy());
      incoming.pipe(relayed);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    return new CountingProxy(server, `http://127.0.0.1:${port}`, counts);
  }

  reset(): void {
    Object.assign(this.counts, { lists: 0, gets: 0, heads: 0, puts: 0, others: 0 });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function count(counts: S3RequestCounts, method: string, url: string): void {
  if (method === 'GET' && /[?&]list-type=2/.test(url)) counts.lists += 1;
  else if (method === 'GET') counts.gets += 1;
  else if (method === 'HEAD') counts.heads += 1;
  else if (method === 'PUT') counts.puts += 1;
  else counts.others += 1;
}
