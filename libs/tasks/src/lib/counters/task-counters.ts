import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoundStatement, chunksOf, dialectOfManager } from '@ls/core';
import { Project } from '@ls/projects';
import { countAddedStatement, recountStatement } from './counter-statements';
import { NOTHING_TO_COUNT, TaskCountsSource } from './task-counts-source';

const run = (manager: EntityManager, { sql, values }: BoundStatement) => manager.query(sql, values);

/**
 * The tasks' stored counters (`total_annotations`, `cancelled_annotations`,
 * `total_predictions`, `is_labeled`), written only here, in the transaction of the write that
 * changed what they count (`manager`), one UPDATE per chunk of ids. The rows they count belong
 * to the annotations library, which registers the counting SQL ({@link TaskCountsSource}).
 * Callers pass tasks they scoped to the caller's organization (ids are not checked again here)
 * and hold their locks (PostgreSQL `FOR UPDATE`, in id order): the counts then see every
 * committed row, so they stay exact under concurrent writers.
 */
@Injectable()
export class TaskCounters {
  private counts: TaskCountsSource = NOTHING_TO_COUNT;

  register(source: TaskCountsSource): void {
    this.counts = source;
  }

  /** The registered counting SQL (for the overlap statements). */
  get source(): TaskCountsSource {
    return this.counts;
  }

  /** Recounts the tasks from their rows; marks them updated by `userId` when given. */
  async recount(
    manager: EntityManager,
    taskIds: number[],
    project: Pick<Project, 'skip_queue'>,
    userId: number | null,
  ): Promise<void> {
    const dialect = dialectOfManager(manager);
    for (const chunk of chunksOf([...new Set(taskIds)])) {
      await run(manager, recountStatement(this.counts, chunk, project, userId, dialect));
    }
  }

  /** After one new annotation on each of `taskIds`, all cancelled or all not: the hot path. */
  async countAdded(
    manager: EntityManager,
    taskIds: number[],
    project: Pick<Project, 'skip_queue'>,
    wasCancelled: boolean,
    userId: number,
  ): Promise<void> {
    const dialect = dialectOfManager(manager);
    for (const chunk of chunksOf([...new Set(taskIds)])) {
      await run(
        manager,
        countAddedStatement(this.counts, chunk, project, wasCancelled, userId, dialect),
      );
    }
  }
}
