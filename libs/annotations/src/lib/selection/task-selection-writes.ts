import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { chunksOf, TransactionRunner } from '@ls/core';
import { TaskCounters } from '@ls/tasks';
import { Annotation } from '../entities/annotation.entity';
import { AnnotationDraft } from '../entities/annotation-draft.entity';
import { Prediction } from '../entities/prediction.entity';
import { AnnotationsDeleted } from '../events/annotation-events';
import { TaskAccess, TaskWithProject } from '../task-access';

export interface AnnotationsOfTasks {
  /** Only the annotations this user completed (and this user's drafts). */
  completedBy?: number;
}

/**
 * Writes on what belongs to a selection of tasks of one project (the data manager's actions):
 * each call is one transaction that locks the tasks of the caller's organization among the ids,
 * writes in chunks and recounts those tasks, so the counters are exact when it commits.
 */
@Injectable()
export class TaskSelectionWrites {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: TaskAccess,
    private readonly counters: TaskCounters,
  ) {}

  /** Deletes the tasks' annotations and drafts; returns how many annotations went. */
  deleteAnnotations(
    auth: AuthContext,
    projectId: number,
    taskIds: number[],
    only: AnnotationsOfTasks = {},
  ): Promise<number> {
    return this.onTasks(auth, projectId, taskIds, async (manager, chunk, tx) => {
      const byUser = only.completedBy === undefined ? {} : { completed_by_id: only.completedBy };
      const drafts = only.completedBy === undefined ? {} : { user_id: only.completedBy };
      const ids = (
        await manager.find(Annotation, {
          select: { id: true },
          where: { task_id: In(chunk), ...byUser },
        })
      ).map((annotation) => annotation.id);
      await manager.delete(AnnotationDraft, { task_id: In(chunk), ...drafts });
      if (ids.length === 0) return 0;
      await manager.delete(Annotation, { id: In(ids) });
      tx.afterCommit(new AnnotationsDeleted(auth.organizationId, projectId, ids));
      return ids.length;
    });
  }

  /** Deletes the tasks' predictions; returns how many. */
  deletePredictions(auth: AuthContext, projectId: number, taskIds: number[]): Promise<number> {
    return this.onTasks(auth, projectId, taskIds, async (manager, chunk) => {
      const { affected } = await manager.delete(Prediction, { task_id: In(chunk) });
      return affected ?? 0;
    });
  }

  /** Unmarks the tasks' ground-truth annotations (they stay); returns how many. */
  clearGroundTruth(auth: AuthContext, projectId: number, taskIds: number[]): Promise<number> {
    return this.onTasks(auth, projectId, taskIds, async (manager, chunk) => {
      const { affected } = await manager.update(
        Annotation,
        { task_id: In(chunk), ground_truth: true },
        { ground_truth: false },
      );
      return affected ?? 0;
    });
  }

  /**
   * Moves the annotations (and drafts) of tasks `from` onto task `to` of the same project, and
   * recounts them all; returns how many annotations moved.
   */
  moveAnnotations(
    auth: AuthContext,
    projectId: number,
    from: number[],
    to: number,
  ): Promise<number> {
    return this.onTasks(auth, projectId, [...from, to], async (manager, chunk) => {
      const sources = chunk.filter((id) => id !== to && from.includes(id));
      if (sources.length === 0) return 0;
      await manager.update(AnnotationDraft, { task_id: In(sources) }, { task_id: to });
      const { affected } = await manager.update(
        Annotation,
        { task_id: In(sources) },
        { task_id: to },
      );
      return affected ?? 0;
    });
  }

  private onTasks(
    auth: AuthContext,
    projectId: number,
    taskIds: number[],
    write: (
      manager: EntityManager,
      chunk: number[],
      tx: { afterCommit(event: AnnotationsDeleted): void },
    ) => Promise<number>,
  ): Promise<number> {
    return this.transactions.run(async (tx) => {
      const tasks = (await this.access.lockedTasks(tx.manager, auth, taskIds)).filter(
        (task: TaskWithProject) => task.project_id === projectId,
      );
      if (tasks.length === 0) return 0;
      const ids = tasks.map((task) => task.id);
      let written = 0;
      for (const chunk of chunksOf(ids)) written += await write(tx.manager, chunk, tx);
      await this.counters.recount(tx.manager, ids, tasks[0].project, auth.user.id);
      return written;
    });
  }
}
