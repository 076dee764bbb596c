import { JobQueue, JobSnapshot } from './job-queue';

/**
 * Resolves with the job once it has completed or failed, or with its last state after `timeoutMs`.
 * Listens to queue events and also re-reads the job, so an event missed before subscribing is harmless.
 */
export async function waitForJob<R = unknown>(
  queue: JobQueue,
  queueName: string,
  jobId: string,
  timeoutMs: number,
): Promise<JobSnapshot<R> | null> {
  let wake: () => void = () => undefined;
  const unsubscribe = await queue.onEvent(queueName, (event) => {
    if (event.jobId === jobId && (event.type === 'completed' || event.type === 'failed')) wake();
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const job = await queue.getJob<R>(queueName, jobId);
      const left = deadline - Date.now();
      if (!job || job.status === 'completed' || job.status === 'failed' || left <= 0) return job;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
  }
}
