import { Injectable, NotFoundException } from '@nestjs/common';
import { assertNotPaused } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import { TransactionRunner } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { serializeTask, Task, TaskDataUrls, TaskRelations, TaskVisibility } from '@ls/tasks';
import { LabelStreamHistoryStore } from '../label-stream/label-stream-history';
import { TaskPrelabeling } from '../prelabeling/task-prelabeling';
import { NextTaskPicker } from './next-task-picker';
import { NextTaskResponse } from './next-task.response';
import { TaskLocks } from './task-locks';

/** Label Studio's `ProjectNextTaskAPI`: the next task of the labeling stream for the caller. */
@Injectable()
export class NextTaskService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly transactions: TransactionRunner,
    private readonly picker: NextTaskPicker,
    private readonly locks: TaskLocks,
    private readonly relations: TaskRelations,
    private readonly dataUrls: TaskDataUrls,
    private readonly prelabeling: TaskPrelabeling,
    private readonly visibility: TaskVisibility,
    private readonly history: LabelStreamHistoryStore,
  ) {}

  async next(auth: AuthContext, projectId: number): Promise<NextTaskResponse> {
    assertNotPaused(auth, projectId);
    const project = await this.projects.get(auth, projectId);
    const userId = auth.user.id;
    const visible = await this.visibility.of(auth, project.id);
    const onlyAssigned = visible?.kind === 'assigned' && visible.type === 'AN';
    // pick and lock in one transaction, so no other pick sees the task free in between
    const found = await this.transactions.run(async ({ manager }) => {
      const now = new Date();
      await this.locks.serializePicks(manager, project.id);
      await this.locks.releaseStale(manager, project.id, userId, now);
      const picked = await this.picker.pick(manager, { project, userId, now, onlyAssigned });
      if (!picked) return null;
      if (picked.lock) await this.locks.take(manager, picked.taskId, userId, now);
      await this.history.record(
        manager,
        { userId, projectId: project.id, taskId: picked.taskId },
        now,
      );
      const task = await manager.findOneByOrFail(Task, { id: picked.taskId });
      return { task, queue: picked.queue };
    });
    if (!found) throw new NotFoundException(`There are no tasks for ${auth.user.email}`);
    await this.prelabeling.beforeServing(project.id, [found.task], 'next-task');
    await this.dataUrls.applyTo(projectId, [found.task]);
    const related = await this.relations.relatedTo([found.task], auth);
    return { ...serializeTask(found.task, related.get(found.task.id)), queue: found.queue };
  }
}
