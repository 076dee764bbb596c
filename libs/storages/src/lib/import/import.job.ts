import { IsInt, Min } from 'class-validator';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { IMPORT_JOB, IMPORT_QUEUE } from './import.job-names';
import { ImportService } from './import.service';

export class ImportJobPayload {
  @IsInt()
  @Min(1)
  importId!: number;

  /** Who imports: the owner of annotations that name no annotator. */
  @IsInt()
  @Min(1)
  userId!: number;
}

/** Runs an import the API queued; the import record tells how it went. */
@JobProcessor({ queue: IMPORT_QUEUE, name: IMPORT_JOB, payload: ImportJobPayload })
export class ImportJob implements JobHandler<ImportJobPayload, { status: string } | null> {
  constructor(private readonly imports: ImportService) {}

  async handle(job: JobExecution<ImportJobPayload>) {
    const record = await this.imports.runQueued(
      job.payload.importId,
      job.payload.userId,
      (percent) => job.reportProgress(percent),
    );
    return record ? { status: record.status } : null;
  }
}
