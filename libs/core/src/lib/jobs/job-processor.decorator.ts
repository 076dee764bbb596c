import { SetMetadata, Type } from '@nestjs/common';
import { JobExecution } from './job-queue';

export const JOB_PROCESSOR_METADATA = 'ls:job-processor';

export interface JobProcessorOptions {
  queue: string;
  name: string;
  /** class-validator class the payload is checked against before the handler runs. */
  payload?: Type<object>;
}

export interface JobHandler<P = unknown, R = unknown> {
  handle(job: JobExecution<P>): Promise<R>;
}

/** Marks a provider as the handler of one named job; the class must implement {@link JobHandler}. */
export const JobProcessor = (options: JobProcessorOptions) =>
  SetMetadata(JOB_PROCESSOR_METADATA, options);
