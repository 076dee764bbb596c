import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsString, Min } from 'class-validator';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { ExportSyncRunner } from './export-sync.runner';
import { ImportSyncRunner } from './import-sync.runner';
import {
  EXPORT_ANNOTATIONS_JOB,
  EXPORT_SYNC_JOB,
  IMPORT_SYNC_JOB,
  STORAGE_QUEUE,
  SYNC_JOB_ATTEMPTS,
} from './sync-jobs';

export class SyncJobPayload {
  @IsInt()
  @Min(1)
  storageId!: number;

  /** The sync this job is: a storage's status block follows its latest sync only. */
  @IsString()
  syncJob!: string;

  /** Who asked: the importer of annotations that name no annotator. */
  @IsInt()
  @Min(1)
  userId!: number;
}

/** Syncs an import storage; the storage's status block tells how it went. */
@JobProcessor({ queue: STORAGE_QUEUE, name: IMPORT_SYNC_JOB, payload: SyncJobPayload })
export class ImportSyncJob implements JobHandler<SyncJobPayload, { status: string } | null> {
  constructor(private readonly runner: ImportSyncRunner) {}

  async handle(job: JobExecution<SyncJobPayload>) {
    const { storageId, syncJob, userId } = job.payload;
    const storage = await this.runner.run(
      storageId,
      syncJob,
      userId,
      job.attempt >= SYNC_JOB_ATTEMPTS,
    );
    return storage ? { status: storage.status } : null;
  }
}

/** Writes every annotation of the project to an export storage; its status block tells how it went. */
@JobProcessor({ queue: STORAGE_QUEUE, name: EXPORT_SYNC_JOB, payload: SyncJobPayload })
export class ExportSyncJob implements JobHandler<SyncJobPayload, { status: string } | null> {
  constructor(private readonly runner: ExportSyncRunner) {}

  async handle(job: JobExecution<SyncJobPayload>) {
    const { storageId, syncJob } = job.payload;
    const storage = await this.runner.sync(storageId, syncJob, job.attempt >= SYNC_JOB_ATTEMPTS);
    return storage ? { status: storage.status } : null;
  }
}

export class ExportAnnotationsJobPayload {
  @IsInt()
  @Min(1)
  storageId!: number;

  @IsArray()
  @ArrayMaxSize(10_000)
  @IsInt({ each: true })
  annotationIds!: number[];

  @IsBoolean()
  removeGone!: boolean;
}

/** Writes changed annotations to an export storage and removes the objects of deleted ones. */
@JobProcessor({
  queue: STORAGE_QUEUE,
  name: EXPORT_ANNOTATIONS_JOB,
  payload: ExportAnnotationsJobPayload,
})
export class ExportAnnotationsJob implements JobHandler<ExportAnnotationsJobPayload, null> {
  constructor(private readonly runner: ExportSyncRunner) {}

  async handle(job: JobExecution<ExportAnnotationsJobPayload>) {
    const { storageId, annotationIds, removeGone } = job.payload;
    await this.runner.reconcile(storageId, annotationIds, removeGone);
    return null;
  }
}
