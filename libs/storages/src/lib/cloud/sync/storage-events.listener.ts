import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnnotationsCreated, AnnotationsDeleted, AnnotationUpdated } from '@ls/annotations';
import { JobQueue, OnDomainEvent } from '@ls/core';
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
 * as Label Studio does.
 */
@Injectable()
export class StorageEventsListener {
  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    private readonly queue: JobQueue,
  ) {}

  @OnDomainEvent(AnnotationsCreated)
  async annotationsCreated(event: AnnotationsCreated): Promise<void> {
    await this.queueExports(event.projectId, event.annotationIds, false);
  }

  @OnDomainEvent(AnnotationUpdated)
  async annotationUpdated(event: AnnotationUpdated): Promise<void> {
    await this.queueExports(event.projectId, event.annotationIds, false);
  }

  @OnDomainEvent(AnnotationsDeleted)
  async annotationsDeleted(event: AnnotationsDeleted): Promise<void> {
    await this.queueExports(event.projectId, [], true);
  }

  @OnDomainEvent(TasksDeleted)
  async tasksDeleted(event: TasksDeleted): Promise<void> {
    await this.storages.update(
      { project_id: event.projectId, direction: 'import' },
      { sync_marker: null },
    );
    await this.queueExports(event.projectId, [], true);
  }

  private async queueExports(
    projectId: number,
    annotationIds: number[],
    removeGone: boolean,
  ): Promise<void> {
    const targets = await this.storages.find({
      select: { id: true },
      where: { project_id: projectId, direction: 'export' },
    });
    for (const { id } of targets) {
      const chunks: number[][] = [];
      for (let start = 0; start < annotationIds.length; start += IDS_PER_JOB) {
        chunks.push(annotationIds.slice(start, start + IDS_PER_JOB));
      }
      if (removeGone) chunks.push([]);
      for (const chunk of chunks) {
        await this.queue.enqueue<ExportAnnotationsPayload>(
          STORAGE_QUEUE,
          EXPORT_ANNOTATIONS_JOB,
          { storageId: id, annotationIds: chunk, removeGone: removeGone && chunk.length === 0 },
          { attempts: SYNC_JOB_ATTEMPTS, backoff: { type: 'exponential', delayMs: 1000 } },
        );
      }
    }
  }
}
