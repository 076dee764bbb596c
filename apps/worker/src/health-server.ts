import { createServer, Server } from 'node:http';
import { HealthService } from '@ls/core';

/** A worker has no HTTP API; this answers `/health` for its orchestrator when a port is set. */
export function startHealthServer(health: HealthService, port: number, host: string): Server {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0].replace(/\/$/, '') !== '/health') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ detail: 'Not found.' }));
      return;
    }
    health.check().then(
      (report) => {
        response.writeHead(report.status === 'ok' ? 200 : 503, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify(report));
      },
      (error: unknown) => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'error', error: String(error) }));
      },
    );
  });
  server.listen(port, host);
  return server;
}
