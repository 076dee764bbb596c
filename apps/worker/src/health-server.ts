import { createServer, Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { HealthService } from '@ls/core';

const logger = new Logger('WorkerHealth');

/**
 * A worker has no HTTP API; this answers `/health` for its orchestrator when a port is set, with
 * the same check and body as the API's `/health`.
 */
export function startHealthServer(health: HealthService, port: number, host: string): Server {
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || request.url?.split('?')[0].replace(/\/$/, '') !== '/health') {
      reply(404, { detail: 'Not found.' });
      return;
    }
    health.check().then(
      (report) => reply(report.status === 'ok' ? 200 : 503, report),
      (error: unknown) => {
        logger.error(`Health check failed: ${String(error)}`);
        reply(503, { status: 'error' });
      },
    );
  });
  server.listen(port, host);
  return server;
}
