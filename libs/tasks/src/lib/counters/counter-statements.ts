import { BoundSql, BoundStatement, DatabaseDialect } from '@ls/core';
import { Project } from '@ls/projects';
import { TaskCountsSource } from './task-counts-source';

/**
 * The statement that recounts tasks' stored counters from their rows: `total_annotations` (not
 * cancelled), `cancelled_annotations`, `total_predictions`, and `is_labeled` = completed
 * annotations >= the task's overlap (as older Label Studio counted, and issue 11 asks: two
 * annotations by one person count twice); marks the tasks updated (by `userId` when given).
 * At most `chunksOf`'s size of ids.
 */
export function recountStatement(
  counts: TaskCountsSource,
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  const updatedAt = sql.bind(new Date());
  const updatedBy = userId === null ? '' : `, updated_by_id = ${sql.bind(userId)}`;
  return sql.statement(`UPDATE task SET
    total_annotations = ${counts.totalAnnotationsSql},
    cancelled_annotations = ${counts.cancelledAnnotationsSql},
    total_predictions = ${counts.totalPredictionsSql},
    is_labeled = ${counts.completedAnnotationsSql(project)} >= task.overlap,
    updated_at = ${updatedAt}${updatedBy}
    WHERE id IN (${sql.list([...new Set(taskIds)])})`);
}

/**
 * The cheaper statement of the hot path, after one new annotation on each of `taskIds`: a
 * counter moves by one, and `is_labeled` is recounted only for tasks not labeled yet (a new
 * annotation cannot unlabel a task), so the cost does not grow with a labeled task's annotations.
 */
export function countAddedStatement(
  counts: TaskCountsSource,
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  wasCancelled: boolean,
  userId: number,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  const counter = wasCancelled ? 'cancelled_annotations' : 'total_annotations';
  const updatedAt = sql.bind(new Date());
  const updatedBy = sql.bind(userId);
  return sql.statement(`UPDATE task SET
    ${counter} = ${counter} + 1,
    is_labeled = CASE WHEN is_labeled THEN is_labeled ELSE ${counts.completedAnnotationsSql(project)} >= task.overlap END,
    updated_at = ${updatedAt}, updated_by_id = ${updatedBy}
    WHERE id IN (${sql.list([...new Set(taskIds)])})`);
}
