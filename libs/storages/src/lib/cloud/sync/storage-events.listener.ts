import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AnnotationsCreated, AnnotationsDeleted, AnnotationUpdated } from '@ls/annotations';
import { JobQueue, OnDurableEvent, RecordedEvent, Transaction } from '@ls/core';
import { TasksDeleted } from '@ls/tasks';
import { CloudStorage } from '../storages/cloud-storage.entity';
import { EXPORT_ANNOTATIONS_JOB, STORAGE_QUEUE, SYNC_JOB_ATTEMPTS } from './sync-jobs';

/** Annotation ids one export job carries. */
const IDS_PER_JOB = 1000;

export interface ExportAnnotationsPayload {
  storageId: number;
  annotationIds: number[];
  removeGone: boolean;
}

/**
 * Keeps storages in step with the project: annotations written to its export storages by jobs
 * (never in the request that saved them), objects of deleted annotations removed, and the
 * listing markers of import storages dropped when tasks are deleted, so a sync makes them again
 * as Label Studio does. Fed through the outbox: an event committed is handled even if its
 * process dies right after, and the jobs are enqueued once the relay's transaction commits.
 */
@Injectable()
export class StorageEventsListener {
  constructor(private readonly queue: JobQueue) {}

  @OnDurableEvent(AnnotationsCreated)
  async annotationsCreated(events: RecordedEvent<AnnotationsCreated>[], tx: Transaction) {
    await this.queueExports(tx, events, false);
  }

  @OnDurableEvent(AnnotationUpdated)
  async annotationUpdated(events: RecordedEvent<AnnotationUpdated>[], tx: Transaction) {
    await this.queueExports(tx, events, false);
  }

  @OnDurableEvent(AnnotationsDeleted)
  async annotationsDeleted(events: RecordedEvent<AnnotationsDeleted>[], tx: Transaction) {
    await this.queueExports(tx, events, true);
  }

  @OnDurableEvent(TasksDeleted)
  async tasksDeleted(events: RecordedEvent<TasksDeleted>[], tx: Transaction) {
    const projectIds = [...new Set(events.map(({ event }) => event.projectId))];
    await tx.manager.update(
      CloudStorage,
      { project_id: In(projectIds), direction: 'import' },
      { sync_marker: null },
    );
    await this.queueExports(tx, events, true);
  }

  /** One job per storage and thousand annotations; `removeGone` adds one that removes objects. */
  private async queueExports(
    tx: Transaction,
    events: RecordedEvent<
      AnnotationsCreated | AnnotationUpdated | AnnotationsDeleted | TasksDeleted
    >[],
    removeGone: boolean,
  ): Promise<void> {
    const idsByProject = new Map<number, number[]>();
    for (const { event } of events) {
      const ids = 'annotationIds' in event && !removeGone ? event.annotationIds : [];
      idsByProject.set(event.projectId, [...(idsByProject.get(event.projectId) ?? []), ...ids]);
    }
    const targets = await tx.manager.find(CloudStorage, {
      select: { id: true, project_id: true },
      where: { project_id: In([...idsByProject.keys()]), direction: 'export' },
    });
    const jobs: ExportAnnotationsPayload[] = [];
    for (const { id, project_id } of targets) {
      const annotationIds = idsByProject.get(project_id) ?? [];
      for (let start = 0; start < annotationIds.length; start += IDS_PER_JOB) {
        const chunk = annotationIds.slice(start, start + IDS_PER_JOB);
        jobs.push({ storageId: id, annotationIds: chunk, removeGone: false });
      }
      if (removeGone) jobs.push({ storageId: id, annotationIds: [], removeGone: true });
    }
    if (jobs.length === 0) return;
    tx.whenCommitted(async () => {
      for (const job of jobs) {
        await this.queue.enqueue<ExportAnnotationsPayload>(
          STORAGE_QUEUE,
          EXPORT_ANNOTATIONS_JOB,
          job,
          {
            attempts: SYNC_JOB_ATTEMPTS,
            backoff: { type: 'exponential', delayMs: 1000 },
          },
        );
      }
    });
  }
}
