import { BoundSql } from '@ls/core';
import { OverlapSettings, Project } from '@ls/projects';
import { TaskCountsSource } from '@ls/tasks';

const COMPLETED_ANNOTATION = 'a.was_cancelled = FALSE AND a.result IS NOT NULL';

/**
 * Which annotations complete a task: not skipped and with a result, or every one when skips
 * count (`IGNORE_SKIPPED`).
 */
const completedAnnotation = (project: Pick<Project, 'skip_queue'>) =>
  project.skip_queue === 'IGNORE_SKIPPED' ? 'TRUE' : COMPLETED_ANNOTATION;

/**
 * What the tasks library counts for its stored counters, over this library's tables: a task is
 * labeled when its completed annotations reach its overlap (as older Label Studio counted, and
 * issue 11 asks: two annotations by one person count twice; the newest Label Studio counts
 * distinct annotators). Registered with `TaskCounters`; the tasks library writes the UPDATEs.
 */
export const ANNOTATION_COUNTS: TaskCountsSource = {
  totalAnnotationsSql:
    '(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = FALSE)',
  cancelledAnnotationsSql:
    '(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = TRUE)',
  totalPredictionsSql: '(SELECT COUNT(*) FROM prediction p WHERE p.task_id = task.id)',
  completedAnnotationsSql: (project) =>
    `(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND ${completedAnnotation(project)})`,
  perTaskSql: (sql: BoundSql, project: OverlapSettings) =>
    `SELECT a.task_id,
       SUM(CASE WHEN ${COMPLETED_ANNOTATION} AND a.ground_truth = FALSE THEN 1 ELSE 0 END) AS finished,
       COUNT(*) AS total,
       SUM(CASE WHEN ${completedAnnotation(project)} THEN 1 ELSE 0 END) AS completed
     FROM annotation a WHERE a.project_id = ${sql.bind(project.id)} GROUP BY a.task_id`,
};
