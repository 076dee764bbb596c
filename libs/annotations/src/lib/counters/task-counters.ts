import { EntityManager } from 'typeorm';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';

const COMPLETED_ANNOTATION = 'a.was_cancelled = false AND a.result IS NOT NULL';

/**
 * Recounts (the caller holds the tasks' locks, see TaskAccess) the stored counters of tasks from their rows: `total_annotations` (not cancelled),
 * `cancelled_annotations`, `total_predictions`, and `is_labeled` = distinct annotators of completed
 * annotations (all annotations when skips count, `IGNORE_SKIPPED`) >= the task's overlap. Marks
 * the tasks updated by `userId`.
 */
export async function recountTasks(
  manager: EntityManager,
  taskIds: number[],
  project: Pick<Project, 'skip_queue'>,
  userId: number | null,
): Promise<void> {
  if (taskIds.length === 0) return;
  const completed = project.skip_queue === 'IGNORE_SKIPPED' ? 'TRUE' : COMPLETED_ANNOTATION;
  await manager
    .createQueryBuilder()
    .update(Task)
    .set({
      total_annotations: () =>
        '(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = false)',
      cancelled_annotations: () =>
        '(SELECT COUNT(*) FROM annotation a WHERE a.task_id = task.id AND a.was_cancelled = true)',
      total_predictions: () => '(SELECT COUNT(*) FROM prediction p WHERE p.task_id = task.id)',
      is_labeled: () =>
        `(SELECT COUNT(DISTINCT a.completed_by_id) FROM annotation a WHERE a.task_id = task.id AND ${completed}) >= task.overlap`,
      ...(userId === null ? {} : { updated_by_id: userId }),
    })
    .where('id IN (:...taskIds)', { taskIds: [...new Set(taskIds)] })
    .execute();
}
