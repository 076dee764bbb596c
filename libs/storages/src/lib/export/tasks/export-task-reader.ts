import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager, idAmong } from '@ls/core';
import { Task } from '@ls/tasks';
import { expanded, ExportOptions, OnlyOrExclude } from './export-options';
import { ExportRows } from './export-rows';
import { interpolateKeyFrames } from './key-frames';
import {
  annotationJson,
  AnnotationRow,
  draftJson,
  DraftRow,
  predictionJson,
  PredictionRow,
  TaskRow,
  taskJson,
} from './export-task-json';

/** Tasks read and written at a time: memory holds two batches, whatever the project's size. */
export const EXPORT_BATCH_TASKS = 1000;

export interface ExportBatch {
  /** Each task's JSON text, in id order. */
  tasks: string[];
  annotations: number;
  predictions: number;
}

/**
 * Reads the tasks of an export in id order, a batch at a time (keyset: each batch starts after
 * the last id of the one before), with their annotations, predictions and drafts, and writes
 * each task's JSON text. The next batch's rows are read while this one is written.
 */
@Injectable()
export class ExportTaskReader {
  async *batches(
    manager: EntityManager,
    selected: SelectQueryBuilder<Task>,
    options: ExportOptions,
    { interpolateKeyFrames = false }: { interpolateKeyFrames?: boolean } = {},
  ): AsyncIterable<ExportBatch> {
    const rows = new ExportRows(manager);
    const query = filtered(manager, selected, options);
    const load = async (after: number): Promise<BatchRows> => {
      const tasks = await rows.tasks(query, after, EXPORT_BATCH_TASKS);
      return { tasks, parts: tasks.length > 0 ? await partsOf(rows, tasks, options) : null };
    };
    let next = load(0);
    for (;;) {
      const { tasks, parts } = await next;
      if (!parts) return;
      const more = tasks.length === EXPORT_BATCH_TASKS;
      if (more) {
        next = load(Number(tasks[tasks.length - 1].id));
        // Awaited at the next turn; a consumer that stops before must not leave it unhandled.
        next.catch(() => undefined);
      }
      if (interpolateKeyFrames) parts.annotations = parts.annotations.map(withKeyFramesFilled);
      yield written(tasks, parts, options);
      if (!more) return;
    }
  }
}

function filtered(
  manager: EntityManager,
  selected: SelectQueryBuilder<Task>,
  { tasks }: ExportOptions,
): SelectQueryBuilder<Task> {
  const query = selected.clone();
  onlyOrExclude(query, tasks.skipped, 'task.cancelled_annotations > 0');
  onlyOrExclude(query, tasks.finished, 'task.is_labeled = TRUE');
  onlyOrExclude(query, tasks.annotated, 'task.total_annotations > 0');
  // Reviews are not kept by this server: asking for reviewed tasks only finds none.
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

interface BatchParts {
  annotations: AnnotationRow[];
  predictions: PredictionRow[];
  drafts: DraftRow[];
  uploads: Map<number, string>;
  users: Map<number, string>;
}

interface BatchRows {
  tasks: TaskRow[];
  parts: BatchParts | null;
}

/** The rows a batch's tasks hold: one query each, at once. */
async function partsOf(
  rows: ExportRows,
  tasks: TaskRow[],
  { annotations: annotationFilter, serialization }: ExportOptions,
): Promise<BatchParts> {
  const ids = tasks.map((task) => Number(task.id));
  const [annotations, predictions, drafts, uploads] = await Promise.all([
    rows.annotations(ids, annotationFilter),
    rows.predictions(ids, expanded(serialization.predictions)),
    rows.drafts(ids, expanded(serialization.drafts)),
    rows.uploadNames(distinct(tasks.map((task) => task.file_upload_id))),
  ]);
  const users = expanded(serialization.annotations__completed_by)
    ? await rows.users(distinct(annotations.map((annotation) => annotation.completed_by_id)))
    : new Map<number, string>();
  return { annotations, predictions, drafts, uploads, users };
}

/** The JSON text of a batch's tasks. */
function written(
  tasks: TaskRow[],
  { annotations, predictions, drafts, uploads, users }: BatchParts,
  { serialization }: ExportOptions,
): ExportBatch {
  const fullPredictions = expanded(serialization.predictions);
  const fullDrafts = expanded(serialization.drafts);
  const completedBy = (id: number | null) =>
    id === null ? 'null' : (users.get(Number(id)) ?? String(id));
  const annotationsOf = grouped(annotations, (row) => annotationJson(row, completedBy));
  const predictionsOf = grouped(predictions, (row) =>
    fullPredictions ? predictionJson(row) : String(row.id),
  );
  const draftsOf = grouped(drafts, (row) => (fullDrafts ? draftJson(row) : String(row.id)));
  return {
    tasks: tasks.map((task) =>
      taskJson(task, {
        annotations: annotationsOf(task.id),
        predictions: predictionsOf(task.id),
        drafts: draftsOf(task.id),
        fileUpload:
          task.file_upload_id === null ? null : (uploads.get(Number(task.file_upload_id)) ?? null),
      }),
    ),
    annotations: annotations.length,
    predictions: predictions.length,
  };
}

/** An annotation whose tracked regions have every frame between their key frames. */
function withKeyFramesFilled(row: AnnotationRow): AnnotationRow {
  const result = typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
  return Array.isArray(result)
    ? { ...row, result: JSON.stringify(interpolateKeyFrames(result)) }
    : row;
}

/** Rows written as JSON and grouped by their task, as a lookup. */
function grouped<T extends { task_id: number }>(
  rows: T[],
  write: (row: T) => string,
): (task: number) => string[] {
  const byTask = new Map<number, string[]>();
  for (const row of rows) {
    const task = Number(row.task_id);
    const group = byTask.get(task);
    if (group) group.push(write(row));
    else byTask.set(task, [write(row)]);
  }
  return (task) => byTask.get(Number(task)) ?? [];
}

const distinct = (ids: (number | null)[]): number[] => [
  ...new Set(ids.flatMap((id) => (id === null ? [] : [Number(id)]))),
];

function onlyOrExclude(
  query: SelectQueryBuilder<Task>,
  choice: OnlyOrExclude | undefined,
  condition: string,
): void {
  if (choice === 'only') query.andWhere(condition);
  if (choice === 'exclude') query.andWhere(`NOT (${condition})`);
}
