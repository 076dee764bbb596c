import { InProcessJobQueue } from './in-process-job-queue';
import { InvalidJobPayloadError } from './invalid-job-payload.error';
import { JobEvent } from './job-queue';
import { waitForJob } from './wait-for-job';

describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;

  beforeEach(() => {
    queue = new InProcessJobQueue();
  });

  afterEach(() => queue.close());

  it('runs a job with its payload and keeps the result and progress', async () => {
    const events: JobEvent[] = [];
    await queue.onEvent('q', (event) => events.push(event));
    queue.process(
      'q',
      'double',
      async (job) => {
        await job.reportProgress(50);
        return (job.payload as { n: number }).n * 2;
      },
      1,
    );
    const { id } = await queue.enqueue('q', 'double', { n: 21 });
    const job = await waitForJob(queue, 'q', id, 1000);
    expect(job).toMatchObject({ status: 'completed', result: 42, progress: 50, attemptsMade: 1 });
    expect(events.map((e) => e.type)).toEqual(['active', 'progress', 'completed']);
  });

  it('retries with backoff and reports the last failure reason', async () => {
    let calls = 0;
    queue.process(
      'q',
      'flaky',
      async () => {
        calls += 1;
        throw new Error(`failure ${calls}`);
      },
      1,
    );
    const { id } = await queue.enqueue(
      'q',
      'flaky',
      {},
      {
        attempts: 3,
        backoff: { type: 'fixed', delayMs: 10 },
      },
    );
    const job = await waitForJob(queue, 'q', id, 2000);
    expect(calls).toBe(3);
    expect(job).toMatchObject({ status: 'failed', attemptsMade: 3, failedReason: 'failure 3' });
  });

  it('succeeds on a later attempt', async () => {
    queue.process(
      'q',
      'second-time-lucky',
      async (job) => {
        if (job.attempt === 1) throw new Error('not yet');
        return 'ok';
      },
      1,
    );
    const { id } = await queue.enqueue('q', 'second-time-lucky', {}, { attempts: 2 });
    expect(await waitForJob(queue, 'q', id, 1000)).toMatchObject({
      status: 'completed',
      result: 'ok',
    });
  });

  it('does not retry a job whose payload is invalid', async () => {
    let calls = 0;
    queue.process(
      'q',
      'strict',
      async () => {
        calls += 1;
        throw new InvalidJobPayloadError('bad payload');
      },
      1,
    );
    const { id } = await queue.enqueue('q', 'strict', {}, { attempts: 5 });
    expect(await waitForJob(queue, 'q', id, 1000)).toMatchObject({
      status: 'failed',
      failedReason: 'bad payload',
    });
    expect(calls).toBe(1);
  });

  it('keeps to the concurrency limit', async () => {
    let running = 0;
    let peak = 0;
    queue.process(
      'q',
      'slow',
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
      },
      2,
    );
    const jobs = await Promise.all([1, 2, 3, 4, 5].map(() => queue.enqueue('q', 'slow', {})));
    await Promise.all(jobs.map((job) => waitForJob(queue, 'q', job.id, 2000)));
    expect(peak).toBe(2);
  });

  it('holds jobs until a handler is registered, and ignores a duplicate job id', async () => {
    const first = await queue.enqueue('q', 'later', { v: 1 }, { jobId: 'only-once' });
    const second = await queue.enqueue('q', 'later', { v: 2 }, { jobId: 'only-once' });
    expect(second.id).toBe(first.id);
    expect((await queue.getJob('q', 'only-once'))?.status).toBe('waiting');
    const seen: unknown[] = [];
    queue.process('q', 'later', async (job) => seen.push(job.payload), 1);
    await waitForJob(queue, 'q', 'only-once', 1000);
    expect(seen).toEqual([{ v: 1 }]);
  });

  it('waits for running jobs when closed', async () => {
    let finished = false;
    queue.process(
      'q',
      'long',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      },
      1,
    );
    await queue.enqueue('q', 'long', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    await queue.close();
    expect(finished).toBe(true);
  });
});
