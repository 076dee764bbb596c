import { BoundSql } from '@ls/core';
import { OverlapSettings, Project } from '@ls/projects';

/**
 * Counting SQL over rows that belong to tasks but are another library's (annotations and
 * predictions: the annotations library registers it with `TaskCounters`). Text of that
 * library's own, never input. The correlated subqueries count for the row `task` of the
 * statement they are put in; the tasks library writes the statements around them.
 */
export interface TaskCountsSource {
  /** Annotations of `task` that are not cancelled. */
  readonly totalAnnotationsSql: string;
  /** Cancelled annotations (skips) of `task`. */
  readonly cancelledAnnotationsSql: string;
  /** Predictions of `task`. */
  readonly totalPredictionsSql: string;
  /** Annotations that complete `task` under the project's skip mode. */
  completedAnnotationsSql(project: Pick<Project, 'skip_queue'>): string;
  /**
   * A subquery with one row per annotated task of the project, its values bound in `sql` (call
   * it where the subquery goes in the statement's text): `task_id`, `total` (annotations),
   * `completed` (under the skip mode) and `finished` (completed, not ground truth).
   */
  perTaskSql(sql: BoundSql, project: OverlapSettings): string;
}

/** Until the annotations library registers its source, tasks have nothing to count. */
export const NOTHING_TO_COUNT: TaskCountsSource = {
  totalAnnotationsSql: '0',
  cancelledAnnotationsSql: '0',
  totalPredictionsSql: '0',
  completedAnnotationsSql: () => '0',
  perTaskSql: () => 'SELECT 0 AS task_id, 0 AS total, 0 AS completed, 0 AS finished WHERE 1 = 0',
};
