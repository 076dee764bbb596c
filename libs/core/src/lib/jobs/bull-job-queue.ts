import Bull from 'bull';
import Redis, { RedisOptions } from 'ioredis';
import { InvalidJobPayloadError } from './invalid-job-payload.error';
import { EnqueueOptions, JobEvent, JobQueue, JobRunner, JobSnapshot, JobStatus } from './job-queue';

export interface BullJobQueueSettings {
  redisUrl: string;
  prefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

const FINISHED_JOBS_KEPT = { completed: 1000, failed: 5000 };

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
 * worker's stalled-job check after `lockDurationMs` and run again.
 */
export class BullJobQueue extends JobQueue {
  readonly mode = 'redis' as const;
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly blockingClients: Redis[] = [];

  constructor(private readonly settings: BullJobQueueSettings) {
    super();
    this.client = this.connect();
    this.subscriber = this.connect();
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
      removeOnComplete: FINISHED_JOBS_KEPT.completed,
      removeOnFail: FINISHED_JOBS_KEPT.failed,
    });
    return this.snapshot(queue, job);
  }

  async getJob<R = unknown>(queue: string, id: string): Promise<JobSnapshot<R> | null> {
    const job = await this.queueNamed(queue).getJob(id);
    return job ? ((await this.snapshot(queue, job)) as JobSnapshot<R>) : null;
  }

  process(queue: string, name: string, run: JobRunner, concurrency: number): void {
    void this.queueNamed(queue).process(name, concurrency, async (job: Bull.Job) => {
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
    await this.client.ping();
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    for (const connection of [this.client, this.subscriber, ...this.blockingClients]) {
      connection.disconnect();
    }
  }

  private queueNamed(name: string): Bull.Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Bull(name, {
        prefix: this.settings.prefix,
        createClient: (type) => {
          if (type === 'client') return this.client;
          if (type === 'subscriber') return this.subscriber;
          const blocking = this.connect();
          this.blockingClients.push(blocking);
          return blocking;
        },
        settings: {
          lockDuration: this.settings.lockDurationMs,
          stalledInterval: this.settings.stalledIntervalMs,
          maxStalledCount: 1,
        },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  private connect(): Redis {
    // Bull's blocking and subscriber connections must not give up on a request.
    const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    return new Redis(this.settings.redisUrl, options);
  }

  private async snapshot(queue: string, read: Bull.Job): Promise<JobSnapshot> {
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
