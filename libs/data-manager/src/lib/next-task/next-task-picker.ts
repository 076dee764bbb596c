import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoundSql, dialectOfManager } from '@ls/core';
import { StreamCaller, StreamConditions } from './stream-conditions';

/** The task a pick chose, which queue it came from, and whether it gets locked. */
export interface PickedTask {
  taskId: number;
  queue: string;
  lock: boolean;
}

interface QueueStep {
  queue: string;
  lock: boolean;
  where: (c: StreamConditions) => string[];
  order: (c: StreamConditions) => string;
}

const SEQUENTIAL = () => 't.inner_id, t.id';
const RANDOM = () => 'RANDOM()';

/** The main queue: unlabeled, not annotated nor postponed by the caller, room left in the overlap. */
const open = (c: StreamConditions) => [
  c.inProject(),
  c.unlabeled(),
  c.notAnnotatedByCaller(),
  c.postponedByCaller(false),
  c.notFullForCaller(),
];

/**
 * Label Studio's `get_next_task` without the data-manager queue: the caller's assigned tasks if
 * any (only those when the project distributes tasks manually to an annotator), else the task the caller holds, a draft of the caller, breadth first under overlap,
 * the project's sampling, then postponed drafts and (REQUEUE_FOR_ME) the caller's skips.
 */
@Injectable()
export class NextTaskPicker {
  async pick(manager: EntityManager, caller: StreamCaller): Promise<PickedTask | null> {
    if (caller.onlyAssigned || (await this.hasAssignments(manager, caller))) {
      return this.first(manager, caller, {
        queue: 'Manually assigned queue',
        lock: false,
        where: (c) => [c.inProject(), c.assignedToCaller(), c.notAnnotatedByCaller()],
        order: SEQUENTIAL,
      });
    }
    for (const step of this.steps(caller)) {
      const picked = await this.first(manager, caller, step);
      if (picked) return picked;
    }
    return null;
  }

  private steps({ project }: StreamCaller): QueueStep[] {
    const steps: QueueStep[] = [
      {
        queue: 'Task lock',
        lock: false,
        where: (c) => [...open(c), c.lockedByCaller()],
        order: SEQUENTIAL,
      },
      {
        queue: 'Drafts queue',
        lock: true,
        where: (c) => [...open(c), c.draftOfCaller()],
        order: SEQUENTIAL,
      },
    ];
    if (project.maximum_annotations > 1) {
      steps.push({
        queue: 'Breadth first queue',
        lock: true,
        where: (c) => [...open(c), `${c.othersAnnotations()} > 0`],
        order: (c) => `${c.othersAnnotations()} DESC, RANDOM()`,
      });
    }
    const sampling = this.samplingSteps(project.sampling);
    if (project.show_overlap_first) {
      for (const step of sampling) {
        steps.push({
          ...step,
          queue: `Show overlap first & ${step.queue}`,
          where: (c) => [...step.where(c), 't.overlap > 1'],
        });
      }
    }
    steps.push(...sampling);
    steps.push({
      queue: 'Postponed draft queue',
      lock: true,
      where: (c) => [
        c.inProject(),
        c.unlabeled(),
        c.notAnnotatedByCaller(),
        c.postponedByCaller(true),
        c.notFullForCaller(),
      ],
      order: (c) => `${c.postponedAt()}, t.id`,
    });
    if (project.skip_queue === 'REQUEUE_FOR_ME') {
      steps.push({
        queue: 'Skipped queue',
        lock: true,
        where: (c) => [c.inProject(), c.unlabeled(), c.skippedByCaller(), c.notFullForCaller()],
        order: (c) => `${c.firstSkipOfCaller()}, t.id`,
      });
    }
    return steps;
  }

  private samplingSteps(sampling: string | null): QueueStep[] {
    if (sampling === 'Uniform sampling') {
      return [{ queue: 'Uniform random queue', lock: true, where: open, order: RANDOM }];
    }
    if (sampling === 'Uncertainty sampling') {
      return [
        {
          queue: 'Active learning queue',
          lock: true,
          where: (c) => [...open(c), `${c.lowestScore()} IS NOT NULL`],
          order: (c) => `${c.lowestScore()}, RANDOM()`,
        },
        { queue: 'Active learning or random queue', lock: true, where: open, order: RANDOM },
      ];
    }
    return [{ queue: 'Sequence queue', lock: true, where: open, order: SEQUENTIAL }];
  }

  private async first(
    manager: EntityManager,
    caller: StreamCaller,
    step: QueueStep,
  ): Promise<PickedTask | null> {
    const conditions = new StreamConditions(new BoundSql(dialectOfManager(manager)), caller);
    const where = step.where(conditions).join(' AND ');
    const order = step.order(conditions);
    const rows: { id: number }[] = await manager.query(
      `SELECT t.id AS id FROM task t WHERE ${where} ORDER BY ${order} LIMIT 1`,
      conditions.sql.values,
    );
    return rows.length ? { taskId: Number(rows[0].id), queue: step.queue, lock: step.lock } : null;
  }

  private async hasAssignments(manager: EntityManager, caller: StreamCaller): Promise<boolean> {
    const conditions = new StreamConditions(new BoundSql(dialectOfManager(manager)), caller);
    const text = `SELECT 1 AS found FROM task t WHERE ${conditions.inProject()} AND ${conditions.assignedToCaller()} LIMIT 1`;
    return (await manager.query(text, conditions.sql.values)).length > 0;
  }
}
