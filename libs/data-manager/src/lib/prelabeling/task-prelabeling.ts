import { Injectable, Logger } from '@nestjs/common';
import { Task } from '@ls/tasks';

/** Where tasks are about to be shown: the labeling stream, or a page of the data manager. */
export type PrelabelingMoment = 'next-task' | 'task-list';

export interface TaskPrelabelingSource {
  /**
   * Asks the project's model for predictions of those `tasks` (one project) that have none of its
   * current version, stores them, and raises the tasks' `total_predictions` in place.
   */
  prelabel(projectId: number, tasks: Task[], moment: PrelabelingMoment): Promise<void>;
}

/**
 * Where a library with models (ML backends) plugs in predictions made just before tasks are
 * served. Until one registers, tasks are served as stored. A failing model never fails the page:
 * the tasks are served without the predictions it could not make.
 */
@Injectable()
export class TaskPrelabeling {
  private readonly logger = new Logger(TaskPrelabeling.name);
  private source?: TaskPrelabelingSource;

  register(source: TaskPrelabelingSource): void {
    this.source = source;
  }

  async beforeServing(projectId: number, tasks: Task[], moment: PrelabelingMoment): Promise<void> {
    if (!this.source || tasks.length === 0) return;
    try {
      await this.source.prelabel(projectId, tasks, moment);
    } catch (error) {
      this.logger.warn(
        { err: error, projectId, moment },
        'Prelabeling failed; tasks served as stored',
      );
    }
  }
}
