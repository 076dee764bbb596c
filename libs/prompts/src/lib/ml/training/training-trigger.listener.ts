import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnnotationsCreated, AnnotationUpdated } from '@ls/annotations';
import { JobQueue, OnDomainEvent } from '@ls/core';
import { Project } from '@ls/projects';
import { MlBackend } from '../ml-backend.entity';
import { ML_QUEUE, ML_TRAIN_JOB } from '../ml-jobs';
import { MlTrainJobPayload } from './ml-train.job';

/**
 * Label Studio's training trigger: with `start_training_on_annotation_update`, every
 * `min_annotations_to_start_training` annotations created or updated start training on each of
 * the project's backends. The count is kept on the backend's row (so every API replica adds to
 * the same one) and taken down by a conditional update, so a threshold crossed by two requests at
 * once queues one training; the training itself is a job.
 */
@Injectable()
export class TrainingTriggerListener {
  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  @OnDomainEvent(AnnotationsCreated)
  async annotationsCreated(event: AnnotationsCreated): Promise<void> {
    await this.count(event.projectId, event.annotationIds.length);
  }

  @OnDomainEvent(AnnotationUpdated)
  async annotationUpdated(event: AnnotationUpdated): Promise<void> {
    await this.count(event.projectId, event.annotationIds.length);
  }

  private async count(projectId: number, annotations: number): Promise<void> {
    if (annotations === 0) return;
    const project = await this.projects.findOne({
      select: {
        id: true,
        start_training_on_annotation_update: true,
        min_annotations_to_start_training: true,
      },
      where: { id: projectId },
    });
    const every = project?.min_annotations_to_start_training ?? 0;
    if (!project?.start_training_on_annotation_update || every < 1) return;
    await this.backends
      .createQueryBuilder()
      .update()
      .set({ annotations_since_training: () => 'annotations_since_training + :added' })
      .where('project_id = :projectId', { projectId })
      .setParameters({ added: annotations })
      .execute();
    const due = await this.backends
      .createQueryBuilder('backend')
      .select(['backend.id'])
      .where('backend.project_id = :projectId', { projectId })
      .andWhere('backend.annotations_since_training >= :every', { every })
      .getMany();
    for (const { id } of due) {
      const taken = await this.backends
        .createQueryBuilder()
        .update()
        .set({ annotations_since_training: () => 'annotations_since_training - :every' })
        .where('id = :id AND annotations_since_training >= :every', { id, every })
        .execute();
      if (taken.affected) {
        await this.queue.enqueue<MlTrainJobPayload>(ML_QUEUE, ML_TRAIN_JOB, { backendId: id });
      }
    }
  }
}
