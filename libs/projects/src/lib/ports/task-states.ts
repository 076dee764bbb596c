import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Project } from '../project.entity';

/** The project settings that decide how many annotators each task needs and when it is done. */
export type OverlapSettings = Pick<
  Project,
  'id' | 'maximum_annotations' | 'overlap_cohort_percentage' | 'skip_queue'
>;

export interface TaskStatesSource {
  /**
   * The project's settings went from `before` to `after`: the tasks' `overlap` and `is_labeled`
   * follow, in bulk, in the transaction of `manager` (the one that changed the project).
   */
  settingsChanged(
    manager: EntityManager,
    before: OverlapSettings,
    after: OverlapSettings,
  ): Promise<void>;
  /** Tasks were added to or deleted from the project, in the transaction of `manager`. */
  tasksChanged(manager: EntityManager, projectId: number): Promise<void>;
}

/**
 * Where the tasks' overlap (`maximum_annotations`, `overlap_cohort_percentage`) and completion
 * (`is_labeled`, `skip_queue`) are kept in step with the project. The annotations library
 * registers the source, which knows both tasks and annotations; until then nothing changes.
 */
@Injectable()
export class TaskStates {
  private source?: TaskStatesSource;

  register(source: TaskStatesSource): void {
    this.source = source;
  }

  async settingsChanged(
    manager: EntityManager,
    before: OverlapSettings,
    after: OverlapSettings,
  ): Promise<void> {
    await this.source?.settingsChanged(manager, before, after);
  }

  async tasksChanged(manager: EntityManager, projectId: number): Promise<void> {
    await this.source?.tasksChanged(manager, projectId);
  }
}
