import { SetMetadata, Type } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { declareQueue } from './declared-queues';
import { JobExecution } from './job-queue';

export const JOB_PROCESSOR_METADATA = 'ls:job-processor';

export interface JobProcessorOptions {
  queue: string;
  name: string;
  /** class-validator class the payload is checked against before the handler runs. */
  payload?: Type<object>;
  /** Jobs run at once per process; by default `JOB_CONCURRENCY` (I/O-bound jobs may want more). */
  concurrency?: (config: AppConfig) => number;
}

export interface JobHandler<P = unknown, R = unknown> {
  handle(job: JobExecution<P>): Promise<R>;
}

/**
 * Marks a provider as the handler of one named job; the class must implement {@link JobHandler}.
 * Naming a queue here is also what declares it (see `declaredQueueNames`).
 */
export const JobProcessor = (options: JobProcessorOptions) => {
  declareQueue(options.queue);
  return SetMetadata(JOB_PROCESSOR_METADATA, options);
};
