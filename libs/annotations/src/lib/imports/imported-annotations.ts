import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { chunksOf } from '@ls/core';
import { Project } from '@ls/projects';
import { TaskCounters } from '@ls/tasks';
import { Annotation } from '../entities/annotation.entity';
import { Prediction } from '../entities/prediction.entity';

/** Rows per INSERT statement, well below both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 500;

export type ImportedAnnotationRow = Pick<
  Annotation,
  | 'result'
  | 'task_id'
  | 'project_id'
  | 'completed_by_id'
  | 'updated_by_id'
  | 'was_cancelled'
  | 'ground_truth'
  | 'lead_time'
  | 'last_action'
  | 'last_created_by_id'
  | 'import_id'
  | 'bulk_created'
>;

export type ImportedPredictionRow = Pick<
  Prediction,
  'result' | 'score' | 'model_version' | 'task_id' | 'project_id'
>;

export interface ImportedRows {
  annotations: ImportedAnnotationRow[];
  predictions: ImportedPredictionRow[];
}

// TypeORM's deep-partial type cannot follow JSON columns typed `unknown[]`.
const insertable = <T>(rows: object[]) => rows as QueryDeepPartialEntity<T>[];

/**
 * Annotations and predictions that come with imported tasks (the storages library), written here
 * because they are this library's rows: in batches, in the import's transaction (`manager`),
 * then the tasks they belong to are recounted by the tasks library. No events: an import
 * reports its own counts, as before.
 */
@Injectable()
export class ImportedAnnotations {
  constructor(private readonly counters: TaskCounters) {}

  /** Inserts the rows (checked by the caller, tasks of `project`); `userId` marks the tasks updated. */
  async insert(
    manager: EntityManager,
    project: Pick<Project, 'skip_queue'>,
    rows: ImportedRows,
    userId: number | null,
  ): Promise<void> {
    for (const batch of chunksOf(rows.annotations, ROWS_PER_INSERT)) {
      await manager.insert(Annotation, insertable<Annotation>(batch));
    }
    for (const batch of chunksOf(rows.predictions, ROWS_PER_INSERT)) {
      await manager.insert(Prediction, insertable<Prediction>(batch));
    }
    const taskIds = [...rows.annotations, ...rows.predictions].map((row) => row.task_id);
    if (taskIds.length > 0) await this.counters.recount(manager, taskIds, project, userId);
  }
}
