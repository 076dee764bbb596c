import { EntityManager } from 'typeorm';
import { chunksOf, DatabaseDialect } from '@ls/core';
import { Project } from '@ls/projects';
import { BoundSql, BoundStatement, dialectOfManager } from '../sql/bound-sql';

const COMPLETED_ANNOTATION = 'a.was_cancelled = FALSE AND a.result IS NOT NULL';

/**
 * Which annotations complete a task: not skipped and with a result, or every one when skips
 * count (`IGNORE_SKIPPED`). Text of our own, never input.
 */
export const completedAnnotationSql = (project: Pick<Project, 'skip_queue'>) =>
  project.skip_queue === 'IGNORE_SKIPPED' ? 'TRUE' : COMPLETED_ANNOTATION;

/**
 * The completed annotations of the task of the row `task`: a task is labeled when they reach its
 * overlap (as older Label Studio counted, and issue 11 asks: two annotations by one person count
 * twice; the newest Label Studio counts distinct annotators).
 */
export const completedCountSql = (project: Pick<Project, 'skip_queue'>) =>
  `(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND ${completedAnnotationSql(project)})`;

/**
 * The statement that recounts tasks' stored counters from their rows: `total_annotations` (not
 * cancelled), `cancelled_annotations`, `total_predictions`, and `is_labeled` = completed
 * annotations >= the task's overlap; marks the tasks updated (by `userId` when
 * given). Run it while holding the tasks' locks (see TaskAccess, AnnotationWriter): it then sees
 * every committed row, so counters stay exact. At most {@link chunksOf}'s size of ids.
 */
export function recountStatement(
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  const updatedAt = sql.bind(new Date());
  const updatedBy = userId === null ? '' : `, updated_by_id = ${sql.bind(userId)}`;
  return sql.statement(`UPDATE task SET
    total_annotations = (SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = FALSE),
    cancelled_annotations = (SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = TRUE),
    total_predictions = (SELECT COUNT(*) FROM prediction p WHERE p.task_id = task.id),
    is_labeled = ${completedCountSql(project)} >= task.overlap,
    updated_at = ${updatedAt}${updatedBy}
    WHERE id IN (${sql.list([...new Set(taskIds)])})`);
}

/**
 * The cheaper statement for the hot path, after inserting one annotation on each of `taskIds`
 * (tasks locked): counters move by one, and `is_labeled` is recounted only for tasks not labeled
 * yet (a new annotation cannot unlabel a task), so the cost does not grow with a labeled task's
 * annotations.
 */
export function countInsertedStatement(
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
    is_labeled = CASE WHEN is_labeled THEN is_labeled ELSE ${completedCountSql(project)} >= task.overlap END,
    updated_at = ${updatedAt}, updated_by_id = ${updatedBy}
    WHERE id IN (${sql.list([...new Set(taskIds)])})`);
}

/** {@link recountStatement} run in `manager`'s transaction, in chunks of ids. */
export async function recountTasks(
  manager: EntityManager,
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
): Promise<void> {
  const dialect = dialectOfManager(manager);
  for (const chunk of chunksOf([...new Set(taskIds)])) {
    const { sql, values } = recountStatement(chunk, project, userId, dialect);
    await manager.query(sql, values);
  }
}
