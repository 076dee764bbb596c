import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager, idAmong } from '@ls/core';
import { Task } from '@ls/tasks';
import { exportTaskSql } from './export-json-sql';
import { ExportOptions, OnlyOrExclude } from './export-options';
import { interpolateKeyFrames } from './key-frames';

/** Tasks read and written at a time: memory holds two batches, whatever the project's size. */
export const EXPORT_BATCH_TASKS = 2000;

export interface ExportBatch {
  /** Each task's JSON text, in id order. */
  tasks: string[];
  annotations: number;
  predictions: number;
}

interface ExportRow {
  id: number;
  json: string;
  annotations: number | string;
  predictions: number | string;
}

/**
 * Reads the tasks of an export in id order, a batch at a time (keyset: each batch starts after
 * the last id of the one before), each already written as JSON text by the database
 * (`exportTaskSql`). The next batch is read while this one is written out.
 */
@Injectable()
export class ExportTaskReader {
  async *batches(
    manager: EntityManager,
    selected: SelectQueryBuilder<Task>,
    options: ExportOptions,
    { interpolateKeyFrames: interpolate = false }: { interpolateKeyFrames?: boolean } = {},
  ): AsyncIterable<ExportBatch> {
    const built = exportTaskSql(dialectOfManager(manager), options);
    const query = filtered(manager, selected, options)
      .select('task.id', 'id')
      .addSelect(built.json, 'json')
      .addSelect(built.annotations, 'annotations')
      .addSelect(built.predictions, 'predictions')
      .orderBy('task.id', 'ASC')
      .limit(EXPORT_BATCH_TASKS);
    const load = (after: number) =>
      query
        .clone()
        .andWhere('task.id > :exportAfter', { exportAfter: after })
        .getRawMany<ExportRow>();
    let next = load(0);
    for (;;) {
      const rows = await next;
      if (rows.length === 0) return;
      const more = rows.length === EXPORT_BATCH_TASKS;
      if (more) {
        next = load(Number(rows[rows.length - 1].id));
        // Awaited at the next turn; a consumer that stops before must not leave it unhandled.
        next.catch(() => undefined);
      }
      yield {
        tasks: rows.map((row) => (interpolate ? withKeyFramesFilled(row.json) : row.json)),
        annotations: sum(rows.map((row) => row.annotations)),
        predictions: sum(rows.map((row) => row.predictions)),
      };
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

/** A task whose tracked video regions have every frame between their key frames. */
function withKeyFramesFilled(json: string): string {
  const task = JSON.parse(json) as { annotations: { result: unknown }[] };
  for (const annotation of task.annotations) {
    if (Array.isArray(annotation.result)) {
      annotation.result = interpolateKeyFrames(annotation.result);
    }
  }
  return JSON.stringify(task);
}

const sum = (counts: (number | string)[]) => counts.reduce<number>((a, b) => a + Number(b), 0);

function onlyOrExclude(
  query: SelectQueryBuilder<Task>,
  choice: OnlyOrExclude | undefined,
  condition: string,
): void {
  if (choice === 'only') query.andWhere(condition);
  if (choice === 'exclude') query.andWhere(`NOT (${condition})`);
}
