import { BeforeApplicationShutdown } from '@nestjs/common';

export type JobStatus = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface EnqueueOptions {
  /** Total tries including the first (default 1). */
  attempts?: number;
  backoff?: { type: 'fixed' | 'exponential'; delayMs: number };
  /** Makes enqueueing idempotent: a second job with the same id is not added. */
  jobId?: string;
  delayMs?: number;
}

/** What anyone can read about a job, in either adapter. */
export interface JobSnapshot<R = unknown> {
  id: string;
  queue: string;
  name: string;
  status: JobStatus;
  progress: number;
  attemptsMade: number;
  failedReason: string | null;
  result: R | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type JobEventType = 'active' | 'progress' | 'completed' | 'failed' | 'stalled';

export interface JobEvent {
  type: JobEventType;
  queue: string;
  jobId: string;
  progress?: number;
  result?: unknown;
  failedReason?: string;
}

/** The running job as its handler sees it. */
export interface JobExecution<P = unknown> {
  id: string;
  queue: string;
  name: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  reportProgress(percent: number): Promise<void>;
}

export type JobRunner = (job: JobExecution) => Promise<unknown>;

/**
 * The queue port. Domain code enqueues through it and never sees Bull or the in-process adapter;
 * handlers are registered with `@JobProcessor` and run wherever the process is allowed to.
 */
export abstract class JobQueue implements BeforeApplicationShutdown {
  abstract readonly mode: 'redis' | 'in-process';

  abstract enqueue<P>(
    queue: string,
    name: string,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<JobSnapshot>;

  abstract getJob<R = unknown>(queue: string, id: string): Promise<JobSnapshot<R> | null>;

  /** Runs `runner` for jobs `name` of `queue` in this process, up to `concurrency` at once. */
  abstract process(queue: string, name: string, runner: JobRunner, concurrency: number): void;

  /** Events of every process working on `queue`; returns the unsubscribe function. */
  abstract onEvent(queue: string, listener: (event: JobEvent) => void): Promise<() => void>;

  /** Resolves when the backing store answers. */
  abstract ping(): Promise<void>;

  /** Stops taking jobs and waits for the running ones to finish. */
  abstract close(): Promise<void>;

  /** Running jobs finish before the database and the other modules shut down. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
