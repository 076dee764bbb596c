import type { Job, Queue } from 'bull';
import { InvalidJobPayloadError } from './invalid-job-payload.error';
import { EnqueueOptions, JobEvent, JobQueue, JobRunner, JobSnapshot, JobStatus } from './job-queue';

function parseResult(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Scaled mode: jobs are stored in Redis by Bull. A job whose worker dies is found by another
 * worker's stalled-job check after the lock duration and run again. The Bull queues are created
 * and closed by Nest (`BullJobQueueModule`); this adapter only drives them.
 */
export class BullJobQueue extends JobQueue {
  readonly mode = 'redis' as const;

  constructor(private readonly queues: ReadonlyMap<string, Queue>) {
    super();
  }

  async enqueue<P>(
    queue: string,
    name: string,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<JobSnapshot> {
    const job = await this.queueNamed(queue).add(name, payload, {
      attempts: options.attempts ?? 1,
      backoff: options.backoff
        ? { type: options.backoff.type, delay: options.backoff.delayMs }
        : undefined,
      jobId: options.jobId,
      delay: options.delayMs,
    });
    return this.snapshot(queue, job);
  }

  async getJob<R = unknown>(queue: string, id: string): Promise<JobSnapshot<R> | null> {
    const job = await this.queueNamed(queue).getJob(id);
    return job ? ((await this.snapshot(queue, job)) as JobSnapshot<R>) : null;
  }

  process(queue: string, name: string, run: JobRunner, concurrency: number): void {
    void this.queueNamed(queue).process(name, concurrency, async (job: Job) => {
      try {
        return await run({
          id: String(job.id),
          queue,
          name: job.name,
          payload: job.data,
          attempt: job.attemptsMade + 1,
          reportProgress: async (percent) => {
            await job.progress(percent);
          },
        });
      } catch (error) {
        if (error instanceof InvalidJobPayloadError) await job.discard();
        throw error;
      }
    });
  }

  async onEvent(queue: string, listener: (event: JobEvent) => void): Promise<() => void> {
    const bullQueue = this.queueNamed(queue);
    const handlers: Record<string, (...args: unknown[]) => void> = {
      'global:active': (jobId) => listener({ type: 'active', queue, jobId: String(jobId) }),
      'global:progress': (jobId, progress) =>
        listener({ type: 'progress', queue, jobId: String(jobId), progress: Number(progress) }),
      'global:completed': (jobId, result) =>
        listener({ type: 'completed', queue, jobId: String(jobId), result: parseResult(result) }),
      'global:failed': (jobId, reason) =>
        listener({ type: 'failed', queue, jobId: String(jobId), failedReason: String(reason) }),
      'global:stalled': (jobId) => listener({ type: 'stalled', queue, jobId: String(jobId) }),
    };
    for (const [event, handler] of Object.entries(handlers)) {
      bullQueue.on(event as 'global:active', handler);
    }
    await bullQueue.isReady();
    return () => {
      for (const [event, handler] of Object.entries(handlers)) {
        bullQueue.removeListener(event, handler);
      }
    };
  }

  async ping(): Promise<void> {
    // Every queue shares one command connection: pinging through any of them pings it.
    const [anyQueue] = this.queues.values();
    if (!anyQueue) throw new Error('No job queue is declared');
    await anyQueue.client.ping();
  }

  // Runs before Nest's own shutdown of the queues (which then finds them closed), so running jobs
  // finish while the database is still open.
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private queueNamed(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) {
      throw new Error(
        `No Bull queue "${name}": a queue exists once a @JobProcessor names it (loaded before CoreModule.forRoot).`,
      );
    }
    return queue;
  }

  private async snapshot(queue: string, read: Job): Promise<JobSnapshot> {
    let job = read;
    const state = await job.getState();
    // The job may have finished between reading it and reading its state: finishing is final,
    // so read it again to get its result with the state.
    if ((state === 'completed' || state === 'failed') && !job.finishedOn) {
      job = (await this.queueNamed(queue).getJob(job.id)) ?? job;
    }
    const status: JobStatus =
      state === 'paused' || state === 'stuck' ? 'waiting' : (state as JobStatus);
    const progress = job.progress();
    return {
      id: String(job.id),
      queue,
      name: job.name,
      status,
      progress: typeof progress === 'number' ? progress : 0,
      // Bull counts failed tries only; the port counts every try started, the running one included.
      attemptsMade: job.attemptsMade + (status === 'active' || status === 'completed' ? 1 : 0),
      failedReason: job.failedReason ?? null,
      result: job.returnvalue ?? null,
      createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }
}
