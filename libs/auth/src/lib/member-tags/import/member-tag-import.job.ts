import { IsInt, Min } from 'class-validator';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { MEMBER_TAG_IMPORT_JOB, MEMBER_TAG_IMPORT_QUEUE } from './member-tag-import.job-names';
import { MemberTagImportRunner } from './member-tag-import.runner';

export class MemberTagImportJobPayload {
  @IsInt()
  @Min(1)
  importId!: number;
}

/** Runs a member tag import the API queued; the import record tells how it went. */
@JobProcessor({
  queue: MEMBER_TAG_IMPORT_QUEUE,
  name: MEMBER_TAG_IMPORT_JOB,
  payload: MemberTagImportJobPayload,
})
export class MemberTagImportJob implements JobHandler<
  MemberTagImportJobPayload,
  { status: string } | null
> {
  constructor(private readonly runner: MemberTagImportRunner) {}

  async handle(job: JobExecution<MemberTagImportJobPayload>) {
    const record = await this.runner.run(job.payload.importId, (percent) =>
      job.reportProgress(percent),
    );
    return record ? { status: record.status } : null;
  }
}
