import { EntityManager } from 'typeorm';
import { DatabaseDialect } from '@ls/core';
import { Project } from '@ls/projects';
import { sqlLiteral } from '../writes/sql-literal';

const COMPLETED_ANNOTATION = 'a.was_cancelled = FALSE AND a.result IS NOT NULL';

/**
 * The statement that recounts tasks' stored counters from their rows: `total_annotations` (not
 * cancelled), `cancelled_annotations`, `total_predictions`, and `is_labeled` = distinct annotators
 * of completed annotations (all annotations when skips count, `IGNORE_SKIPPED`) >= the task's
 * overlap; marks the tasks updated (by `userId` when given). Run it while holding the tasks' locks
 * (see TaskAccess, AnnotationWriter): it then sees every committed row, so counters stay exact.
 */
export function recountSql(
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
  dialect: DatabaseDialect,
): string {
  const completed = project.skip_queue === 'IGNORE_SKIPPED' ? 'TRUE' : COMPLETED_ANNOTATION;
  const ids = [...new Set(taskIds)].map((id) => sqlLiteral(id, dialect)).join(', ');
  const updatedBy = userId === null ? '' : `, updated_by_id = ${sqlLiteral(userId, dialect)}`;
  return `UPDATE task SET
    total_annotations = (SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = FALSE),
    cancelled_annotations = (SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = TRUE),
    total_predictions = (SELECT COUNT(*) FROM prediction p WHERE p.task_id = task.id),
    is_labeled = (SELECT COUNT(DISTINCT a.completed_by_id) FROM annotation a WHERE a.task_id = task.id AND ${completed}) >= task.overlap,
    updated_at = ${sqlLiteral(new Date(), dialect)}${updatedBy}
    WHERE id IN (${ids})`;
}

/**
 * The cheaper statement for the hot path, after inserting one annotation on each of `taskIds`
 * (tasks locked): counters move by one, and `is_labeled` is recounted only for tasks not labeled
 * yet (a new annotation cannot unlabel a task), so the cost does not grow with a labeled task's
 * annotations.
 */
export function countInsertedSql(
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  wasCancelled: boolean,
  userId: number,
  dialect: DatabaseDialect,
): string {
  const completed = project.skip_queue === 'IGNORE_SKIPPED' ? 'TRUE' : COMPLETED_ANNOTATION;
  const counter = wasCancelled ? 'cancelled_annotations' : 'total_annotations';
  const ids = [...new Set(taskIds)].map((id) => sqlLiteral(id, dialect)).join(', ');
  return `UPDATE task SET
    ${counter} = ${counter} + 1,
    is_labeled = CASE WHEN is_labeled THEN ${sqlLiteral(true, dialect)} ELSE
      (SELECT COUNT(DISTINCT a.completed_by_id) FROM annotation a WHERE a.task_id = task.id AND ${completed}) >= task.overlap END,
    updated_at = ${sqlLiteral(new Date(), dialect)}, updated_by_id = ${sqlLiteral(userId, dialect)}
    WHERE id IN (${ids})`;
}

/** {@link recountSql} run in `manager`'s transaction. */
export async function recountTasks(
  manager: EntityManager,
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
): Promise<void> {
  if (taskIds.length === 0) return;
  const dialect = manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  await manager.query(recountSql(taskIds, project, userId, dialect));
}
