import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { HealthReport, HealthService } from '@ls/core';
import { startHealthServer } from './health-server';

const down: HealthReport = {
  status: 'error',
  database: { status: 'ok', dialect: 'postgres' },
  queue: { status: 'error', mode: 'redis' },
};

describe('worker health server', () => {
  let server: Server;
  let check: jest.Mock<Promise<HealthReport>, []>;
  const get = async (path: string) => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  beforeEach(async () => {
    check = jest.fn();
    server = startHealthServer({ check } as unknown as HealthService, 0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('answers GET /health with the core health report and its status code', async () => {
    check.mockResolvedValue({ ...down, status: 'ok', queue: { status: 'ok', mode: 'redis' } });
    expect(await get('/health/')).toMatchObject({ status: 200, body: { status: 'ok' } });
    check.mockResolvedValue(down);
    expect(await get('/health')).toEqual({ status: 503, body: down });
  });

  it('logs why a check threw but does not answer it, and serves nothing else', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    check.mockRejectedValue(new Error('secret connection string'));
    expect(await get('/health')).toEqual({ status: 503, body: { status: 'error' } });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/secret connection string/));
    logged.mockRestore();
    expect((await get('/metrics')).status).toBe(404);
  });
});
