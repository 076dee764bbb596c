import { Module } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';

/** Embedded mode: the `JobQueue` port in this process's memory; no Redis, no Bull. */
@Module({
  providers: [{ provide: JobQueue, useClass: InProcessJobQueue }],
  exports: [JobQueue],
})
export class InProcessJobQueueModule {}
