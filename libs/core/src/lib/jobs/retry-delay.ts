import { EnqueueOptions } from './job-queue';

/** Delay before the next try, after `attemptsMade` failed tries (same rule as Bull's). */
export function retryDelayMs(backoff: EnqueueOptions['backoff'], attemptsMade: number): number {
  if (!backoff) return 0;
  if (backoff.type === 'fixed') return backoff.delayMs;
  return backoff.delayMs * 2 ** (attemptsMade - 1);
}
