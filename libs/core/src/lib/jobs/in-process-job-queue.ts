import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { InvalidJobPayloadError } from './invalid-job-payload.error';
import {
  EnqueueOptions,
  JobEvent,
  JobExecution,
  JobQueue,
  JobRunner,
  JobSnapshot,
} from './job-queue';
import { retryDelayMs } from './retry-delay';

interface LocalJob {
  snapshot: JobSnapshot;
  payload: unknown;
  options: EnqueueOptions;
}

/** Finished jobs kept per queue so their state can still be read. */
const FINISHED_JOBS_KEPT = 1000;

class LocalQueue {
  readonly events = new EventEmitter();
  readonly jobs = new Map<string, LocalJob>();
  readonly runners = new Map<string, { run: JobRunner; concurrency: number }>();
  /** Jobs waiting to run, per job name, oldest first. */
  private readonly waiting = new Map<string, LocalJob[]>();
  private readonly running = new Set<Promise<void>>();
  /** Running jobs per job name: counted, not searched for, as thousands may wait. */
  private readonly activeByName = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly finished: string[] = [];
  private closed = false;

  constructor(readonly name: string) {
    this.events.setMaxListeners(0);
  }

  add(job: LocalJob, delayMs = 0): void {
    this.jobs.set(job.snapshot.id, job);
    if (delayMs > 0) {
      job.snapshot.status = 'delayed';
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.makeWaiting(job);
      }, delayMs);
      this.timers.add(timer);
    } else {
      this.makeWaiting(job);
    }
  }

  /** Starts waiting jobs while their names have room: per name, so a long backlog costs nothing. */
  pump(): void {
    if (this.closed) return;
    for (const [name, jobs] of this.waiting) {
      const runner = this.runners.get(name);
      if (!runner) continue;
      while (jobs.length > 0 && this.activeCount(name) < runner.concurrency) {
        this.start(jobs.shift() as LocalJob, runner.run);
      }
    }
  }

  private start(job: LocalJob, run: JobRunner): void {
    const name = job.snapshot.name;
    this.activeByName.set(name, this.activeCount(name) + 1);
    const execution = this.execute(job, run).finally(() => {
      this.activeByName.set(name, this.activeCount(name) - 1);
      this.running.delete(execution);
      this.pump();
    });
    this.running.add(execution);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private makeWaiting(job: LocalJob): void {
    job.snapshot.status = 'waiting';
    const name = job.snapshot.name;
    const queued = this.waiting.get(name);
    if (queued) queued.push(job);
    else this.waiting.set(name, [job]);
    this.pump();
  }

  private activeCount(name: string): number {
    return this.activeByName.get(name) ?? 0;
  }

  private async execute(job: LocalJob, run: JobRunner): Promise<void> {
    const { snapshot } = job;
    snapshot.status = 'active';
    snapshot.attemptsMade += 1;
    this.emit({ type: 'active', jobId: snapshot.id });
    const execution: JobExecution = {
      id: snapshot.id,
      queue: this.name,
      name: snapshot.name,
      payload: structuredClone(job.payload),
      attempt: snapshot.attemptsMade,
      reportProgress: async (percent) => {
        snapshot.progress = percent;
        this.emit({ type: 'progress', jobId: snapshot.id, progress: percent });
      },
    };
    try {
      snapshot.result = (await run(execution)) ?? null;
      this.finish(job, 'completed');
      this.emit({ type: 'completed', jobId: snapshot.id, result: snapshot.result });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      snapshot.failedReason = reason;
      const attempts = job.options.attempts ?? 1;
      const retryable = !(error instanceof InvalidJobPayloadError) && !this.closed;
      if (retryable && snapshot.attemptsMade < attempts) {
        this.add(job, retryDelayMs(job.options.backoff, snapshot.attemptsMade));
        return;
      }
      this.finish(job, 'failed');
      this.emit({ type: 'failed', jobId: snapshot.id, failedReason: reason });
    }
  }

  private finish(job: LocalJob, status: 'completed' | 'failed'): void {
    job.snapshot.status = status;
    job.snapshot.finishedAt = new Date();
    this.finished.push(job.snapshot.id);
    while (this.finished.length > FINISHED_JOBS_KEPT) {
      this.jobs.delete(this.finished.shift() as string);
    }
  }

  private emit(event: Omit<JobEvent, 'queue'>): void {
    this.events.emit('event', { ...event, queue: this.name });
  }
}

/**
 * Embedded mode: jobs live in this process's memory and run in it. Jobs still queued when the
 * process stops are lost; scaled mode (Redis) is the durable one.
 */
export class InProcessJobQueue extends JobQueue {
  readonly mode = 'in-process' as const;
  private readonly queues = new Map<string, LocalQueue>();

  async enqueue<P>(
    queue: string,
    name: string,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<JobSnapshot> {
    const local = this.queueNamed(queue);
    const existing = options.jobId ? local.jobs.get(options.jobId) : undefined;
    if (existing) return { ...existing.snapshot };
    const snapshot: JobSnapshot = {
      id: options.jobId ?? randomUUID(),
      queue,
      name,
      status: 'waiting',
      progress: 0,
      attemptsMade: 0,
      failedReason: null,
      result: null,
      createdAt: new Date(),
      finishedAt: null,
    };
    const job: LocalJob = { snapshot, payload: structuredClone(payload), options };
    local.add(job, options.delayMs ?? 0);
    return { ...snapshot };
  }

  async getJob<R = unknown>(queue: string, id: string): Promise<JobSnapshot<R> | null> {
    const job = this.queues.get(queue)?.jobs.get(id);
    return job ? ({ ...job.snapshot } as JobSnapshot<R>) : null;
  }

  process(queue: string, name: string, run: JobRunner, concurrency: number): void {
    const local = this.queueNamed(queue);
    local.runners.set(name, { run, concurrency });
    local.pump();
  }

  async onEvent(queue: string, listener: (event: JobEvent) => void): Promise<() => void> {
    const { events } = this.queueNamed(queue);
    events.on('event', listener);
    return () => events.off('event', listener);
  }

  async ping(): Promise<void> {
    return;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private queueNamed(name: string): LocalQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new LocalQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }
}
