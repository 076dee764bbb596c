import { Injectable } from '@nestjs/common';
import { IsInt } from 'class-validator';
import {
  HealthService,
  JobEvent,
  JobExecution,
  JobHandler,
  JobProcessor,
  JobQueue,
  waitForJob,
} from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';

const QUEUE = 'core-test';

class SumPayload {
  @IsInt()
  a!: number;

  @IsInt()
  b!: number;
}

@Injectable()
@JobProcessor({ queue: QUEUE, name: 'core-test.sum', payload: SumPayload })
class SumJob implements JobHandler<SumPayload, number> {
  async handle(job: JobExecution<SumPayload>): Promise<number> {
    await job.reportProgress(50);
    return job.payload.a + job.payload.b;
  }
}

@Injectable()
@JobProcessor({ queue: QUEUE, name: 'core-test.flaky' })
class FlakyJob implements JobHandler<{ failUntil: number }, string> {
  readonly attempts: number[] = [];

  async handle(job: JobExecution<{ failUntil: number }>): Promise<string> {
    this.attempts.push(job.attempt);
    if (job.attempt < job.payload.failUntil) throw new Error(`attempt ${job.attempt} failed`);
    return `done on attempt ${job.attempt}`;
  }
}

describe('job queue (integration)', () => {
  let testApp: TestApp;
  let queue: JobQueue;

  beforeAll(async () => {
    testApp = await createTestApp({ providers: [SumJob, FlakyJob] });
    queue = testApp.app.get(JobQueue);
  });

  afterAll(() => testApp.close());

  it('uses Bull when REDIS_URL is set and the in-process adapter otherwise', async () => {
    expect(queue.mode).toBe(process.env.REDIS_URL ? 'redis' : 'in-process');
    const report = await testApp.app.get(HealthService).check();
    expect(report.queue).toEqual({ status: 'ok', mode: queue.mode });
  });

  it('runs a registered handler and reports progress and result', async () => {
    const events: JobEvent[] = [];
    const unsubscribe = await queue.onEvent(QUEUE, (event) => events.push(event));
    const { id } = await queue.enqueue(QUEUE, 'core-test.sum', { a: 2, b: 3 });
    const job = await waitForJob(queue, QUEUE, id, 10_000);
    unsubscribe();
    expect(job).toMatchObject({ status: 'completed', result: 5, progress: 50, attemptsMade: 1 });
    expect(job?.finishedAt).toBeInstanceOf(Date);
    const ofThisJob = events.filter((event) => event.jobId === id);
    expect(ofThisJob.some((event) => event.type === 'progress' && event.progress === 50)).toBe(
      true,
    );
    expect(ofThisJob.filter((event) => event.type === 'completed')).toHaveLength(1);
  });

  it('fails an invalid payload once, with a reason naming the field, without retrying', async () => {
    const { id } = await queue.enqueue(QUEUE, 'core-test.sum', { a: 'x', b: 1 }, { attempts: 3 });
    const job = await waitForJob(queue, QUEUE, id, 10_000);
    expect(job?.status).toBe('failed');
    expect(job?.failedReason).toMatch(/a must be an integer/);
    expect(job?.attemptsMade).toBe(1);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const flaky = testApp.app.get(FlakyJob);
    const { id } = await queue.enqueue(
      QUEUE,
      'core-test.flaky',
      { failUntil: 3 },
      { attempts: 3, backoff: { type: 'fixed', delayMs: 20 } },
    );
    const job = await waitForJob(queue, QUEUE, id, 10_000);
    expect(job).toMatchObject({
      status: 'completed',
      result: 'done on attempt 3',
      attemptsMade: 3,
    });
    expect(flaky.attempts.slice(-3)).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt and keeps the failure reason', async () => {
    const { id } = await queue.enqueue(
      QUEUE,
      'core-test.flaky',
      { failUntil: 99 },
      { attempts: 2 },
    );
    const job = await waitForJob(queue, QUEUE, id, 10_000);
    expect(job).toMatchObject({
      status: 'failed',
      attemptsMade: 2,
      failedReason: 'attempt 2 failed',
    });
  });

  it('answers null for a job it does not know', async () => {
    expect(await queue.getJob(QUEUE, 'no-such-job')).toBeNull();
  });
});
