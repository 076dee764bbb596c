import { Injectable } from '@nestjs/common';
import { getQueueToken, InjectQueue } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import Redis from 'ioredis';
import {
  JobExecution,
  JobHandler,
  JobProcessor,
  JobQueue,
  PING_JOB,
  CORE_QUEUE,
  waitForJob,
} from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';

const QUEUE = 'core-adapters-test';
const DOUBLE_JOB = 'core-adapters-test.double';
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

@Injectable()
@JobProcessor({ queue: QUEUE, name: DOUBLE_JOB })
class DoubleJob implements JobHandler<{ n: number }, number> {
  async handle(job: JobExecution<{ n: number }>): Promise<number> {
    return job.payload.n * 2;
  }
}

/** What an embedding app writes to use a queue of ours with the Bull API. */
@Injectable()
class EmbeddingAppService {
  constructor(@InjectQueue(QUEUE) readonly queue: Queue) {}
}

describeWithRedis('Bull adapter (integration, scaled mode)', () => {
  let testApp: TestApp;
  let port: JobQueue;
  let injected: Queue;

  beforeAll(async () => {
    testApp = await createTestApp({ providers: [DoubleJob, EmbeddingAppService] });
    port = testApp.app.get(JobQueue);
    injected = testApp.app.get(EmbeddingAppService).queue;
  });

  afterAll(() => testApp?.close());

  it('registers one Nest-managed Bull queue per declared queue name', () => {
    expect(port.mode).toBe('redis');
    expect(testApp.app.get(getQueueToken(QUEUE))).toBe(injected);
    expect(testApp.app.get<Queue>(getQueueToken(CORE_QUEUE)).name).toBe(CORE_QUEUE);
  });

  it('lets an app @InjectQueue the very queue the port runs jobs on', async () => {
    // Local (not global) Bull events fire only on the queue instance that ran the job.
    const completedHere = new Promise<unknown>((resolve) => {
      injected.on('completed', (job: Job, result: unknown) => {
        if (job.data.n === 21) resolve(result);
      });
    });
    const added = await injected.add(DOUBLE_JOB, { n: 21 });
    const job = await waitForJob<number>(port, QUEUE, String(added.id), 10_000);
    expect(job).toMatchObject({ status: 'completed', result: 42 });
    expect(await completedHere).toBe(42);
  });

  it('keeps the port’s jobs where the Bull API finds them, under JOB_QUEUE_PREFIX', async () => {
    const { id } = await port.enqueue(QUEUE, DOUBLE_JOB, { n: 5 }, { jobId: 'seen-by-bull' });
    expect(id).toBe('seen-by-bull');
    expect((await injected.getJob(id))?.data).toEqual({ n: 5 });
    expect(injected.toKey('')).toBe(`${testApp.config.JOB_QUEUE_PREFIX}:${QUEUE}:`);
    await waitForJob(port, QUEUE, id, 10_000);
  });

  it('closes every Redis connection of the queues when the app closes', async () => {
    const app = await createTestApp({ providers: [DoubleJob] });
    const queue = app.app.get<Queue>(getQueueToken(QUEUE));
    const { id } = await app.app.get(JobQueue).enqueue(QUEUE, DOUBLE_JOB, { n: 1 });
    await waitForJob(app.app.get(JobQueue), QUEUE, id, 10_000);
    // Bull's command, event and blocking connections (only the first is in its typings).
    const { client, eclient, bclient } = queue as unknown as Record<string, Redis>;
    const connections = [client, eclient, bclient];
    await app.close();
    expect(connections.map((connection) => connection.status)).toEqual(['end', 'end', 'end']);
  });
});

describe('in-process adapter (integration, embedded mode)', () => {
  it('opens no Redis connection without REDIS_URL, yet runs jobs', async () => {
    const connect = jest.spyOn(Redis.prototype, 'connect');
    const app = await createTestApp({ providers: [DoubleJob], env: { REDIS_URL: undefined } });
    try {
      const queue = app.app.get(JobQueue);
      expect(queue.mode).toBe('in-process');
      const { id } = await queue.enqueue(QUEUE, DOUBLE_JOB, { n: 4 });
      expect(await waitForJob(queue, QUEUE, id, 5_000)).toMatchObject({ result: 8 });
      const ping = await queue.enqueue(CORE_QUEUE, PING_JOB, {});
      expect((await waitForJob(queue, CORE_QUEUE, ping.id, 5_000))?.status).toBe('completed');
      expect(() => app.app.get(getQueueToken(QUEUE))).toThrow();
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
      await app.close();
    }
  });
});
