import { IsInt, Min } from 'class-validator';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import {
  EXPORT_CONVERT_JOB,
  EXPORT_JOB_ATTEMPTS,
  EXPORT_QUEUE,
  EXPORT_SNAPSHOT_JOB,
} from './export-jobs';
import { ExportSnapshotRunner } from './export-snapshot.runner';

export class SnapshotJobPayload {
  @IsInt()
  @Min(1)
  exportId!: number;
}

export class ConvertJobPayload {
  @IsInt()
  @Min(1)
  convertedId!: number;
}

/** Writes a snapshot the API recorded; the record tells how it went. */
@JobProcessor({ queue: EXPORT_QUEUE, name: EXPORT_SNAPSHOT_JOB, payload: SnapshotJobPayload })
export class SnapshotJob implements JobHandler<SnapshotJobPayload, { status: string } | null> {
  constructor(private readonly runner: ExportSnapshotRunner) {}

  async handle(job: JobExecution<SnapshotJobPayload>) {
    const lastTry = job.attempt >= EXPORT_JOB_ATTEMPTS;
    const snapshot = await this.runner.writeSnapshot(job.payload.exportId, lastTry);
    return snapshot ? { status: snapshot.status } : null;
  }
}

/** Converts a completed snapshot to another format. */
@JobProcessor({ queue: EXPORT_QUEUE, name: EXPORT_CONVERT_JOB, payload: ConvertJobPayload })
export class ConvertJob implements JobHandler<ConvertJobPayload, { status: string } | null> {
  constructor(private readonly runner: ExportSnapshotRunner) {}

  async handle(job: JobExecution<ConvertJobPayload>) {
    const lastTry = job.attempt >= EXPORT_JOB_ATTEMPTS;
    const converted = await this.runner.convert(job.payload.convertedId, lastTry);
    return converted ? { status: converted.status } : null;
  }
}
