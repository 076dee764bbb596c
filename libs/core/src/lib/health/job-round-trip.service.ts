import { Injectable } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue';
import { CORE_QUEUE, PING_JOB } from '../jobs/jobs.constants';
import { PingJobPayload, PingJobResult } from '../jobs/ping.job';
import { waitForJob } from '../jobs/wait-for-job';

export interface JobRoundTrip {
  status: 'ok' | 'error';
  job_id: string;
  job_status: string;
  latency_ms: number;
  processed_by: PingJobResult | null;
  error?: string;
}

/** Sends a ping job through the queue and waits for a process that runs jobs to finish it. */
@Injectable()
export class JobRoundTripService {
  constructor(private readonly queue: JobQueue) {}

  async run(timeoutMs: number, holdMs = 0): Promise<JobRoundTrip> {
    const started = Date.now();
    const payload: PingJobPayload = { holdMs };
    const enqueued = await this.queue.enqueue(CORE_QUEUE, PING_JOB, payload);
    const job = await waitForJob<PingJobResult>(this.queue, CORE_QUEUE, enqueued.id, timeoutMs);
    const completed = job?.status === 'completed';
    return {
      status: completed ? 'ok' : 'error',
      job_id: enqueued.id,
      job_status: job?.status ?? 'missing',
      latency_ms: Date.now() - started,
      processed_by: completed ? (job?.result ?? null) : null,
      ...(completed
        ? {}
        : { error: job?.failedReason ?? `no process finished the job within ${timeoutMs} ms` }),
    };
  }
}
