import { hostname } from 'node:os';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { JobHandler, JobProcessor } from './job-processor.decorator';
import { JobExecution } from './job-queue';
import { CORE_QUEUE, PING_JOB } from './jobs.constants';

export class PingJobPayload {
  /** How long the job keeps running, to observe a job in flight (health checks, tests). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  holdMs?: number;
}

export interface PingJobResult {
  pid: number;
  hostname: string;
  attempt: number;
  finishedAt: string;
}

/** A round trip through the queue: proves some process is taking and finishing jobs. */
@JobProcessor({ queue: CORE_QUEUE, name: PING_JOB, payload: PingJobPayload })
export class PingJob implements JobHandler<PingJobPayload, PingJobResult> {
  async handle(job: JobExecution<PingJobPayload>): Promise<PingJobResult> {
    const holdMs = job.payload.holdMs ?? 0;
    if (holdMs > 0) {
      await job.reportProgress(0);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    }
    await job.reportProgress(100);
    return {
      pid: process.pid,
      hostname: hostname(),
      attempt: job.attempt,
      finishedAt: new Date().toISOString(),
    };
  }
}
