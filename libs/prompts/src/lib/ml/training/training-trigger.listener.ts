import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AnnotationsCreated, AnnotationUpdated } from '@ls/annotations';
import { JobQueue, OnDurableEvent, RecordedEvent, Transaction } from '@ls/core';
import { Project } from '@ls/projects';
import { MlBackend } from '../ml-backend.entity';
import { ML_QUEUE, ML_TRAIN_JOB } from '../ml-jobs';
import { MlTrainJobPayload } from './ml-train.job';

type AnnotationEvents = RecordedEvent<AnnotationsCreated | AnnotationUpdated>[];

/**
 * Label Studio's training trigger: with `start_training_on_annotation_update`, every
 * `min_annotations_to_start_training` annotations created or updated start training on each of
 * the project's backends. Fed by the outbox, a batch of events at a time (one query for the
 * batch when no project of it trains): the count is kept on the backend's row, in the relay's
 * transaction, and taken down by a conditional update, so a threshold crossed once queues one
 * training; the training itself is a job, enqueued once that transaction has committed.
 */
@Injectable()
export class TrainingTriggerListener {
  constructor(private readonly queue: JobQueue) {}

  @OnDurableEvent(AnnotationsCreated)
  async annotationsCreated(events: RecordedEvent<AnnotationsCreated>[], tx: Transaction) {
    await this.countAll(events, tx);
  }

  @OnDurableEvent(AnnotationUpdated)
  async annotationUpdated(events: RecordedEvent<AnnotationUpdated>[], tx: Transaction) {
    await this.countAll(events, tx);
  }

  private async countAll(events: AnnotationEvents, tx: Transaction): Promise<void> {
    const added = new Map<number, number>();
    for (const { event } of events) {
      added.set(event.projectId, (added.get(event.projectId) ?? 0) + event.annotationIds.length);
    }
    const training = await tx.manager.find(Project, {
      select: { id: true, min_annotations_to_start_training: true },
      where: { id: In([...added.keys()]), start_training_on_annotation_update: true },
    });
    for (const project of training) {
      const every = project.min_annotations_to_start_training ?? 0;
      if (every >= 1) await this.count(tx, project.id, added.get(project.id) ?? 0, every);
    }
  }

  private async count(tx: Transaction, projectId: number, annotations: number, every: number) {
    if (annotations === 0) return;
    const backends = tx.manager.getRepository(MlBackend);
    await backends
      .createQueryBuilder()
      .update()
      .set({ annotations_since_training: () => 'annotations_since_training + :added' })
      .where('project_id = :projectId', { projectId })
      .setParameters({ added: annotations })
      .execute();
    const due = await backends
      .createQueryBuilder('backend')
      .select(['backend.id'])
      .where('backend.project_id = :projectId', { projectId })
      .andWhere('backend.annotations_since_training >= :every', { every })
      .getMany();
    const starting: number[] = [];
    for (const { id } of due) {
      if (await this.takeDown(tx.manager, id, every)) starting.push(id);
    }
    if (starting.length === 0) return;
    tx.whenCommitted(async () => {
      for (const backendId of starting) {
        await this.queue.enqueue<MlTrainJobPayload>(ML_QUEUE, ML_TRAIN_JOB, { backendId });
      }
    });
  }

  private async takeDown(manager: EntityManager, id: number, every: number): Promise<boolean> {
    const taken = await manager
      .getRepository(MlBackend)
      .createQueryBuilder()
      .update()
      .set({ annotations_since_training: () => 'annotations_since_training - :every' })
      .where('id = :id AND annotations_since_training >= :every', { id, every })
      .execute();
    return Boolean(taken.affected);
  }
}
