import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoundStatement, dialectOfManager, placeholder } from '@ls/core';
import { countOf, OverlapSettings, TaskStatesSource } from '@ls/projects';
import { TaskCounters } from '../counters/task-counters';
import {
  cohortSize,
  drawCohortStatement,
  relabelStatement,
  setOverlapStatement,
} from './overlap-statements';

const run = (manager: EntityManager, statement: BoundStatement) =>
  manager.query(statement.sql, statement.values);

/**
 * Keeps tasks' `overlap` and `is_labeled` in step with their project's `maximum_annotations`,
 * `overlap_cohort_percentage` and `skip_queue` (Label Studio's `Project._update_tasks_states`,
 * behavior.md 2.2-2.5), each time in one UPDATE over the project's tasks: nothing is loaded, so
 * the cost stays in the database whatever the number of tasks. What completes a task is counted
 * by the SQL the annotations library registers with {@link TaskCounters}.
 */
@Injectable()
export class TaskStatesFromCounts implements TaskStatesSource {
  constructor(private readonly counters: TaskCounters) {}

  async settingsChanged(
    manager: EntityManager,
    before: OverlapSettings,
    after: OverlapSettings,
  ): Promise<void> {
    const maximumChanged = before.maximum_annotations !== after.maximum_annotations;
    const cohortChanged = before.overlap_cohort_percentage !== after.overlap_cohort_percentage;
    const dialect = dialectOfManager(manager);
    const counts = this.counters.source;
    if (maximumChanged && (!cohortChanged || after.maximum_annotations === 1)) {
      // Only the tasks that have an overlap get the new one, if any has; else the cohort, or all.
      if (await this.hasOverlappedTasks(manager, after.id)) {
        await run(manager, setOverlapStatement(counts, after, true, dialect));
      } else if (after.overlap_cohort_percentage < 100) {
        await this.drawCohort(manager, after);
      } else {
        await run(manager, setOverlapStatement(counts, after, false, dialect));
      }
    } else if (cohortChanged && after.maximum_annotations > 1) {
      await this.drawCohort(manager, after);
    }
    if ((before.skip_queue ?? null) !== (after.skip_queue ?? null)) {
      await run(manager, relabelStatement(counts, after, dialect));
    }
  }

  /** With a cohort (below 100% and an overlap above 1), adding or deleting tasks re-draws it. */
  async tasksChanged(manager: EntityManager, projectId: number): Promise<void> {
    const [settings] = (await manager.query(
      `SELECT id, maximum_annotations, overlap_cohort_percentage, skip_queue FROM project
       WHERE id = ${placeholder(dialectOfManager(manager), 1)}`,
      [projectId],
    )) as OverlapSettings[];
    if (!settings) return;
    if (settings.overlap_cohort_percentage < 100 && settings.maximum_annotations > 1) {
      await this.drawCohort(manager, settings);
    }
  }

  private async drawCohort(manager: EntityManager, settings: OverlapSettings): Promise<void> {
    const dialect = dialectOfManager(manager);
    const [{ count }] = await manager.query(
      `SELECT COUNT(*) AS count FROM task WHERE project_id = ${placeholder(dialect, 1)}`,
      [settings.id],
    );
    const must = cohortSize(countOf(count), settings.overlap_cohort_percentage);
    await run(manager, drawCohortStatement(this.counters.source, settings, must, dialect));
  }

  private async hasOverlappedTasks(manager: EntityManager, projectId: number): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 AS found FROM task WHERE project_id = ${placeholder(dialectOfManager(manager), 1)} AND overlap > 1 LIMIT 1`,
      [projectId],
    );
    return rows.length > 0;
  }
}
