import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { Brackets, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Annotation, AnnotationDraft, Prediction } from '@ls/annotations';
import { User } from '@ls/auth';
import { dialectOfManager, idAmong } from '@ls/core';
import { Task } from '@ls/tasks';
import { FileUpload } from '../../uploads/file-upload.entity';
import { annotationKinds, expanded, ExportOptions, OnlyOrExclude } from './export-options';
import {
  ExportUser,
  serializeExportAnnotation,
  serializeExportDraft,
  serializeExportPrediction,
  serializeExportTask,
} from './export-task.serializer';

/** Tasks read and serialized at a time: memory holds one batch, whatever the project's size. */
export const EXPORT_BATCH_TASKS = 1000;

export interface ExportBatch {
  tasks: Record<string, unknown>[];
  annotations: number;
  predictions: number;
}

/**
 * Reads the tasks of an export in id order, a batch at a time (keyset: each batch starts after
 * the last id of the one before), with their annotations, predictions and drafts.
 */
@Injectable()
export class ExportTaskReader {
  async *batches(
    manager: EntityManager,
    selected: SelectQueryBuilder<Task>,
    options: ExportOptions,
  ): AsyncIterable<ExportBatch> {
    const query = this.filtered(manager, selected, options);
    let after = 0;
    for (;;) {
      const tasks = await query
        .clone()
        .andWhere('task.id > :exportAfter', { exportAfter: after })
        .orderBy('task.id', 'ASC')
        .take(EXPORT_BATCH_TASKS)
        .getMany();
      if (tasks.length === 0) return;
      yield await this.batchOf(manager, tasks, options);
      after = tasks[tasks.length - 1].id;
      if (tasks.length < EXPORT_BATCH_TASKS) return;
    }
  }

  private filtered(
    manager: EntityManager,
    selected: SelectQueryBuilder<Task>,
    { tasks }: ExportOptions,
  ): SelectQueryBuilder<Task> {
    const query = selected.clone();
    onlyOrExclude(query, tasks.skipped, 'task.cancelled_annotations > 0');
    onlyOrExclude(query, tasks.finished, 'task.is_labeled = TRUE');
    onlyOrExclude(query, tasks.annotated, 'task.total_annotations > 0');
    if (tasks.reviewed === 'only') query.andWhere('1 = 0');
    if (tasks.only_with_annotations) {
      query.andWhere('(task.total_annotations > 0 OR task.cancelled_annotations > 0)');
    }
    if (tasks.ids) {
      const among = idAmong(dialectOfManager(manager), 'task.id', tasks.ids, 'exportIds');
      query.andWhere(among.condition, among.parameters);
    }
    return query;
  }

  private async batchOf(
    manager: EntityManager,
    tasks: Task[],
    options: ExportOptions,
  ): Promise<ExportBatch> {
    const ids = tasks.map((task) => task.id);
    const [annotations, predictions, drafts, uploads] = await Promise.all([
      this.annotationsOf(manager, ids, options),
      manager.find(Prediction, { where: { task_id: In(ids) }, order: { id: 'ASC' } }),
      manager.find(AnnotationDraft, { where: { task_id: In(ids) }, order: { id: 'ASC' } }),
      this.uploadNames(manager, tasks),
    ]);
    const users = await this.usersOf(manager, annotations, options);
    const annotationsOf = byTask(annotations);
    const predictionsOf = byTask(predictions);
    const draftsOf = byTask(drafts);
    const { serialization } = options;
    return {
      tasks: tasks.map((task) =>
        serializeExportTask(task, {
          annotations: annotationsOf(task.id).map((annotation) =>
            serializeExportAnnotation(annotation, users.get(annotation.completed_by_id ?? 0)),
          ),
          predictions: expanded(serialization.predictions)
            ? predictionsOf(task.id).map(serializeExportPrediction)
            : predictionsOf(task.id).map((prediction) => prediction.id),
          drafts: expanded(serialization.drafts)
            ? draftsOf(task.id).map(serializeExportDraft)
            : draftsOf(task.id).map((draft) => draft.id),
          fileUpload:
            task.file_upload_id === null ? null : (uploads.get(task.file_upload_id) ?? null),
        }),
      ),
      annotations: annotations.length,
      predictions: predictions.length,
    };
  }

  private annotationsOf(manager: EntityManager, ids: number[], { annotations }: ExportOptions) {
    const kinds = annotationKinds(annotations);
    const query = manager
      .createQueryBuilder(Annotation, 'annotation')
      .where('annotation.task_id IN (:...exportTasks)', { exportTasks: ids })
      .orderBy('annotation.id', 'ASC');
    if (annotations.reviewed === 'only') query.andWhere('1 = 0');
    if (kinds) {
      query.andWhere(
        new Brackets((any) => {
          any.where('1 = 0');
          if (kinds.usual) {
            any.orWhere('(annotation.was_cancelled = FALSE AND annotation.ground_truth = FALSE)');
          }
          if (kinds.groundTruth) any.orWhere('annotation.ground_truth = TRUE');
          if (kinds.skipped) any.orWhere('annotation.was_cancelled = TRUE');
        }),
      );
    }
    return query.getMany();
  }

  private async usersOf(
    manager: EntityManager,
    annotations: Annotation[],
    { serialization }: ExportOptions,
  ): Promise<Map<number, ExportUser>> {
    if (!expanded(serialization.annotations__completed_by)) return new Map();
    const ids = [...new Set(annotations.flatMap((a) => a.completed_by_id ?? []))];
    if (ids.length === 0) return new Map();
    const users = await manager.find(User, { where: { id: In(ids) } });
    return new Map(
      users.map((user) => [
        user.id,
        { id: user.id, email: user.email, first_name: user.first_name, last_name: user.last_name },
      ]),
    );
  }

  private async uploadNames(manager: EntityManager, tasks: Task[]): Promise<Map<number, string>> {
    const ids = [...new Set(tasks.flatMap((task) => task.file_upload_id ?? []))];
    if (ids.length === 0) return new Map();
    const uploads = await manager.find(FileUpload, {
      select: { id: true, file: true },
      where: { id: In(ids) },
    });
    return new Map(uploads.map((upload) => [upload.id, basename(upload.file)]));
  }
}

function onlyOrExclude(
  query: SelectQueryBuilder<Task>,
  choice: OnlyOrExclude | undefined,
  condition: string,
): void {
  if (choice === 'only') query.andWhere(condition);
  if (choice === 'exclude') query.andWhere(`NOT (${condition})`);
}

/** Rows grouped by their task, as a lookup. */
function byTask<T extends { task_id: number }>(rows: T[]): (task: number) => T[] {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.task_id);
    if (group) group.push(row);
    else grouped.set(row.task_id, [row]);
  }
  return (task) => grouped.get(task) ?? [];
}
