import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoreHttpModule, HealthService, JobQueue } from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';

const dialect = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const mode = process.env.REDIS_URL ? 'redis' : 'in-process';

describe('health checks (integration)', () => {
  let testApp: TestApp;

  beforeEach(async () => {
    testApp = await createTestApp({ imports: [CoreHttpModule] });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await testApp.close().catch(() => undefined);
  });

  it('GET /health is 200 with each component up, and the worker’s check says the same', async () => {
    const expected = {
      status: 'ok',
      database: { status: 'ok', dialect },
      queue: { status: 'ok', mode },
    };
    const response = await testApp.http().get('/health').expect(200);
    expect(response.body).toEqual(expected);
    expect(await testApp.app.get(HealthService).check()).toEqual(expected);
  });

  it('is 503 naming the database when it is down, and logs why', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error');
    await testApp.app.get(DataSource).destroy();
    const response = await testApp.http().get('/health').expect(503);
    expect(response.body).toEqual({
      status: 'error',
      database: { status: 'error', dialect },
      queue: { status: 'ok', mode },
    });
    expect(logged.mock.calls.flat().join(' ')).toMatch(/"database":\{[^}]*"status":"down"/);
  });

  it('is 503 naming the queue when its store does not answer, without telling why', async () => {
    jest
      .spyOn(testApp.app.get(JobQueue), 'ping')
      .mockRejectedValue(new Error('ECONNREFUSED 10.0.0.1:6379'));
    const response = await testApp.http().get('/health').expect(503);
    expect(response.body).toEqual({
      status: 'error',
      database: { status: 'ok', dialect },
      queue: { status: 'error', mode },
    });
  });
});
