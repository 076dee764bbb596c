import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueue } from '../jobs/job-queue';

function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Terminus indicator of the job queue: up when its backing store answers (always, in-process). */
@Injectable()
export class JobQueueHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queue: JobQueue,
  ) {}

  async pingCheck<const Key extends string>(key: Key, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    try {
      await withinTime(this.queue.ping(), timeoutMs);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
