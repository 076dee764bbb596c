import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Annotation, AnnotationDraft, Prediction, serializeAnnotation } from '@ls/annotations';
import { chunksOf } from '@ls/core';
import { Task } from '@ls/tasks';

/** Tasks whose annotations one training body reads per query. */
const TRAINING_CHUNK = 500;

/** A task as a model server receives it (Label Studio's task serializers). */
export type ModelTask = Record<string, unknown> & { id: number };

const iso = (date: Date) => date.toISOString();

function predictionOf(prediction: Prediction) {
  return {
    id: prediction.id,
    result: prediction.result,
    score: prediction.score,
    model_version: prediction.model_version,
    task: prediction.task_id,
    created_at: iso(prediction.created_at),
    updated_at: iso(prediction.updated_at),
  };
}

function draftOf(draft: AnnotationDraft) {
  return {
    id: draft.id,
    result: draft.result,
    lead_time: draft.lead_time,
    annotation: draft.annotation_id,
    user: draft.user_id,
    created_at: iso(draft.created_at),
    updated_at: iso(draft.updated_at),
  };
}

/**
 * Tasks as the protocol sends them: id, data, meta, counters, timestamps, with their annotations
 * and predictions (the drafts of the caller too for an interactive call). Each list is read in
 * one query per batch of tasks.
 */
@Injectable()
export class ModelTaskPayloads {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
  ) {}

  /** `tasks` in their order, each with its annotations and predictions. */
  async of(tasks: Task[], draftsOf?: number): Promise<ModelTask[]> {
    if (tasks.length === 0) return [];
    const ids = tasks.map((task) => task.id);
    const [annotations, predictions, drafts] = await Promise.all([
      this.annotations.find({ where: { task_id: In(ids) }, order: { id: 'ASC' } }),
      this.predictions.find({ where: { task_id: In(ids) }, order: { id: 'ASC' } }),
      draftsOf === undefined
        ? Promise.resolve([])
        : this.drafts.find({
            where: { task_id: In(ids), user_id: draftsOf },
            order: { id: 'ASC' },
          }),
    ]);
    const byTask = <T extends { task_id: number }>(rows: T[]) => {
      const grouped = new Map<number, T[]>();
      for (const row of rows) grouped.set(row.task_id, [...(grouped.get(row.task_id) ?? []), row]);
      return grouped;
    };
    const annotationsOf = byTask(annotations);
    const predictionsOf = byTask(predictions);
    const draftsByTask = byTask(drafts);
    return tasks.map((task) => ({
      id: task.id,
      data: task.data,
      meta: task.meta ?? {},
      project: task.project_id,
      inner_id: task.inner_id,
      created_at: iso(task.created_at),
      updated_at: iso(task.updated_at),
      is_labeled: task.is_labeled,
      overlap: task.overlap,
      total_annotations: task.total_annotations,
      cancelled_annotations: task.cancelled_annotations,
      total_predictions: task.total_predictions,
      annotations: (annotationsOf.get(task.id) ?? []).map((row) => serializeAnnotation(row, null)),
      predictions: (predictionsOf.get(task.id) ?? []).map(predictionOf),
      ...(draftsOf === undefined ? {} : { drafts: (draftsByTask.get(task.id) ?? []).map(draftOf) }),
    }));
  }

  /** Every task of the project with at least one annotation, as a training body lists them. */
  async annotated(projectId: number): Promise<ModelTask[]> {
    const tasks = await this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId })
      .andWhere('(task.total_annotations > 0 OR task.cancelled_annotations > 0)')
      .orderBy('task.id', 'ASC')
      .getMany();
    const payloads: ModelTask[] = [];
    for (const chunk of chunksOf(tasks, TRAINING_CHUNK)) payloads.push(...(await this.of(chunk)));
    return payloads;
  }
}
