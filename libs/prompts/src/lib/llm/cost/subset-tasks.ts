import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Task } from '@ls/tasks';

/** The contract's `ProjectSubsetEnum`: which tasks of a project a run (or its estimate) covers. */
export const PROJECT_SUBSETS = ['All', 'Sample', 'HasGT'] as const;
export type ProjectSubset = (typeof PROJECT_SUBSETS)[number];

/** `Sample`: the project's first tasks (behavior-enterprise §6.3). */
export const SAMPLE_SIZE = 20;

export interface SubsetTask {
  id: number;
  data: Record<string, unknown>;
}

/**
 * The tasks of a project's subset, read in id order a batch at a time (keyset pages), so that
 * going through a project of any size keeps only one batch in memory.
 */
@Injectable()
export class SubsetTasks {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  async count(projectId: number, subset: ProjectSubset): Promise<number> {
    const total = await this.query(projectId, subset).getCount();
    return subset === 'Sample' ? Math.min(total, SAMPLE_SIZE) : total;
  }

  /** At most `limit` tasks of the subset, `batchSize` per yielded batch. */
  async *batches(
    projectId: number,
    subset: ProjectSubset,
    limit: number,
    batchSize: number,
  ): AsyncGenerator<SubsetTask[]> {
    let left = subset === 'Sample' ? Math.min(limit, SAMPLE_SIZE) : limit;
    let after = 0;
    while (left > 0) {
      const batch = await this.query(projectId, subset)
        .select(['task.id', 'task.data'])
        .andWhere('task.id > :after', { after })
        .orderBy('task.id', 'ASC')
        .limit(Math.min(batchSize, left))
        .getMany();
      if (batch.length === 0) return;
      yield batch.map((task) => ({ id: task.id, data: task.data ?? {} }));
      left -= batch.length;
      after = batch[batch.length - 1].id;
    }
  }

  private query(projectId: number, subset: ProjectSubset): SelectQueryBuilder<Task> {
    const query = this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId });
    if (subset === 'HasGT') {
      query.andWhere(
        `EXISTS (SELECT 1 FROM annotation gt WHERE gt.task_id = task.id
          AND gt.ground_truth = :groundTruth AND gt.was_cancelled = :cancelled)`,
        { groundTruth: true, cancelled: false },
      );
    }
    return query;
  }
}
