import { Task } from '@ls/tasks';
import { TaskOutcome } from './run-outcomes';
import { RunStoppingError } from './task-inference';

/** What one execution of a run needs from its job. */
export interface ExecutionPorts {
  concurrency: number;
  /** The next tasks without an outcome after `after` (by id). */
  nextTasks(after: number, limit: number): Promise<Pick<Task, 'id' | 'data'>[]>;
  infer(task: Pick<Task, 'id' | 'data'>): Promise<TaskOutcome | null>;
  /** Stores outcomes; false when the run is no longer open (cancelled meanwhile). */
  record(outcomes: TaskOutcome[]): Promise<boolean>;
  /** Whether the run is still open (polled). */
  isOpen(): Promise<boolean>;
  controller: AbortController;
}

export type ExecutionEnd =
  { kind: 'done' } | { kind: 'closed' } | { kind: 'failed'; error: string };

const FLUSH_INTERVAL_MS = 500;
const STATUS_POLL_MS = 1000;

/**
 * Runs a run's remaining tasks through `infer`, `concurrency` at a time, fetching tasks a page at
 * a time and storing outcomes in batches (when enough are buffered, and every half second). The
 * run's status is polled: once it is closed (cancelled), in-flight calls are aborted and nothing
 * more is sent. A `RunStoppingError` (budget, credentials) aborts the rest and fails the run;
 * any other error, or a failed write, is thrown after the in-flight calls end (the job retries).
 */
export async function executeRun(ports: ExecutionPorts): Promise<ExecutionEnd> {
  const { controller, concurrency } = ports;
  const pageSize = Math.max(50, concurrency * 4);
  const flushSize = Math.max(20, concurrency * 2);
  let page: Pick<Task, 'id' | 'data'>[] = [];
  let after = 0;
  let exhausted = false;
  let fetching: Promise<void> | null = null;
  let end: ExecutionEnd | null = null;
  let buffer: TaskOutcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  let crash: unknown = null;

  const stop = (reason: ExecutionEnd) => {
    end ??= reason;
    controller.abort();
  };

  const flush = () => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return writing;
    writing = writing.then(async () => {
      if (writeError) return;
      try {
        if (!(await ports.record(batch))) stop({ kind: 'closed' });
      } catch (error) {
        writeError = error;
        controller.abort();
      }
    });
    return writing;
  };

  const next = async (): Promise<Pick<Task, 'id' | 'data'> | null> => {
    for (;;) {
      if (page.length > 0) return page.shift() ?? null;
      if (exhausted || controller.signal.aborted) return null;
      fetching ??= ports.nextTasks(after, pageSize).then((tasks) => {
        page = tasks;
        if (tasks.length < pageSize) exhausted = true;
        if (tasks.length > 0) after = tasks[tasks.length - 1].id;
        fetching = null;
      });
      await fetching;
    }
  };

  const worker = async () => {
    for (;;) {
      const task = await next();
      if (!task || controller.signal.aborted) return;
      try {
        const outcome = await ports.infer(task);
        if (outcome && !controller.signal.aborted) {
          buffer.push(outcome);
          if (buffer.length >= flushSize) void flush();
        }
      } catch (error) {
        if (error instanceof RunStoppingError) stop({ kind: 'failed', error: error.message });
        else {
          // anything else (the database) ends this try: the job runs again and resumes
          crash ??= error;
          controller.abort();
        }
        return;
      }
    }
  };

  const flusher = setInterval(() => void flush(), FLUSH_INTERVAL_MS);
  const poller = setInterval(() => {
    ports.isOpen().then(
      (open) => {
        if (!open) stop({ kind: 'closed' });
      },
      () => undefined,
    );
  }, STATUS_POLL_MS);
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    // what was gathered is kept, unless the run was cancelled meanwhile
    if ((end as ExecutionEnd | null)?.kind !== 'closed') await flush();
    await writing;
  } finally {
    clearInterval(flusher);
    clearInterval(poller);
  }
  if (writeError) throw writeError;
  if (crash) throw crash;
  return end ?? { kind: 'done' };
}
