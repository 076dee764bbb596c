import { Repository, SelectQueryBuilder } from 'typeorm';
import { Task } from '@ls/tasks';
import type { ModelRun } from './model-run.entity';

/** Tasks of the `Sample` subset: the project's first ones, by id (behavior-enterprise §6.3). */
export const SAMPLE_SIZE = 20;

/**
 * The tasks a run covers: its subset of the project, and with `only_missing_predictions` those
 * without a prediction of another run of the same version.
 */
export function subsetTasks(
  tasks: Repository<Task>,
  run: Pick<
    ModelRun,
    'id' | 'project_id' | 'project_subset' | 'version_id' | 'only_missing_predictions'
  >,
): SelectQueryBuilder<Task> {
  const query = tasks
    .createQueryBuilder('task')
    .where('task.project_id = :projectId', { projectId: run.project_id });
  if (run.project_subset === 'HasGT') {
    query.andWhere(
      `EXISTS (SELECT 1 FROM annotation gt WHERE gt.task_id = task.id
        AND gt.ground_truth = TRUE AND gt.was_cancelled = FALSE)`,
    );
  } else if (run.project_subset === 'Sample') {
    query.andWhere(
      `task.id IN (SELECT s.id FROM task s WHERE s.project_id = :projectId
        ORDER BY s.id LIMIT ${SAMPLE_SIZE})`,
    );
  }
  if (run.only_missing_predictions) {
    query.andWhere(
      `NOT EXISTS (SELECT 1 FROM prediction p JOIN model_run r ON r.id = p.model_run_id
        WHERE p.task_id = task.id AND r.version_id = :versionId AND r.id <> :runId)`,
      { versionId: run.version_id, runId: run.id },
    );
  }
  return query;
}

/** The run's tasks after `after` (by id) it has no outcome for yet, `limit` of them. */
export function pendingTasks(
  tasks: Repository<Task>,
  run: Parameters<typeof subsetTasks>[1],
  after: number,
  limit: number,
): Promise<Pick<Task, 'id' | 'data'>[]> {
  return subsetTasks(tasks, run)
    .select(['task.id', 'task.data'])
    .andWhere('task.id > :after', { after })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM model_run_task done WHERE done.run_id = :runId AND done.task_id = task.id)',
      { runId: run.id },
    )
    .orderBy('task.id', 'ASC')
    .limit(limit)
    .getMany();
}
