import { BoundSql, BoundStatement, DatabaseDialect } from '@ls/core';
import { OverlapSettings } from '@ls/projects';
import { TaskCountsSource } from '../counters/task-counts-source';

/** An integer placeholder PostgreSQL can type wherever it stands (CASE branches, comparisons). */
const integer = (sql: BoundSql, value: number) => `CAST(${sql.bind(value)} AS INTEGER)`;

/**
 * Gives the project's tasks (only those whose overlap is above 1 when `onlyOverlapped`) the
 * overlap `maximum_annotations`, and recounts their `is_labeled` against it in the same statement.
 */
export function setOverlapStatement(
  counts: TaskCountsSource,
  settings: OverlapSettings,
  onlyOverlapped: boolean,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  const overlap = integer(sql, settings.maximum_annotations);
  const labeled = `${counts.completedAnnotationsSql(settings)} >= ${integer(sql, settings.maximum_annotations)}`;
  const project = sql.bind(settings.id);
  return sql.statement(
    `UPDATE task SET overlap = ${overlap}, is_labeled = ${labeled}
     WHERE project_id = ${project}${onlyOverlapped ? ' AND overlap > 1' : ''}`,
  );
}

/**
 * Draws the overlap cohort (Label Studio's `_rearrange_overlap_cohort`): `must` tasks get the
 * overlap `maximum_annotations`, the others 1. First come the tasks that already have that many
 * finished annotations that are not ground truth (they keep it even beyond `must`), then the
 * tasks with the most annotations, then by id. `is_labeled` is recounted in the same statement.
 */
export function drawCohortStatement(
  counts: TaskCountsSource,
  settings: OverlapSettings,
  must: number,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  const finished = `COALESCE(s.finished, 0) >= ${integer(sql, settings.maximum_annotations)}`;
  const firsts = `CASE WHEN COALESCE(s.finished, 0) >= ${integer(sql, settings.maximum_annotations)} THEN 0 ELSE 1 END`;
  const rank = `ROW_NUMBER() OVER (ORDER BY ${firsts}, COALESCE(s.total, 0) DESC, t.id)`;
  const drawn = `CASE WHEN ${finished} OR ${rank} <= ${integer(sql, must)} THEN ${integer(sql, settings.maximum_annotations)} ELSE 1 END`;
  const perTask = counts.perTaskSql(sql, settings);
  const tasksOf = sql.bind(settings.id);
  return sql.statement(
    `UPDATE task SET overlap = drawn.overlap, is_labeled = drawn.completed >= drawn.overlap
     FROM (
       SELECT t.id, ${drawn} AS overlap, COALESCE(s.completed, 0) AS completed
       FROM task t LEFT JOIN (${perTask}) s ON s.task_id = t.id
       WHERE t.project_id = ${tasksOf}
     ) drawn
     WHERE task.id = drawn.id`,
  );
}

/** Recounts `is_labeled` of the project's annotated tasks (after `skip_queue` changed). */
export function relabelStatement(
  counts: TaskCountsSource,
  settings: OverlapSettings,
  dialect: DatabaseDialect,
): BoundStatement {
  const sql = new BoundSql(dialect);
  return sql.statement(
    `UPDATE task SET is_labeled = ${counts.completedAnnotationsSql(settings)} >= task.overlap
     WHERE project_id = ${sql.bind(settings.id)} AND total_annotations + cancelled_annotations > 0`,
  );
}

/** How many tasks the cohort holds: Label Studio's `int(count * percentage / 100 + 0.5)`. */
export const cohortSize = (taskCount: number, percentage: number) =>
  Math.floor((taskCount * percentage) / 100 + 0.5);
