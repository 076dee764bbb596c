import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { chunksOf, dialectOfManager, placeholder, queryInChunks, Transaction } from '@ls/core';
import { Project, TaskStates } from '@ls/projects';
import { TasksCreated, TasksDeleted } from './events/task-events';
import { Task } from './task.entity';

type ProjectRef = Pick<Project, 'id' | 'organization_id'>;

/**
 * The task side of imports and uploads (the storages library), run inside the caller's
 * transaction: the tasks library writes the `task` rows, keeps the overlap cohort in step
 * (`TaskStates`) and publishes its own events after commit. New tasks come through
 * `TaskBulkInsert`; these are the steps around it.
 */
@Injectable()
export class ImportedTasks {
  constructor(private readonly taskStates: TaskStates) {}

  /** Tasks an import added (ids from `TaskBulkInsert`): the cohort is re-drawn, `TasksCreated` follows the commit. */
  async added(tx: Transaction, project: ProjectRef, taskIds: number[]): Promise<void> {
    if (taskIds.length === 0) return;
    await this.taskStates.tasksChanged(tx.manager, project.id);
    tx.afterCommit(new TasksCreated(project.organization_id, project.id, taskIds));
  }

  /**
   * Deletes the project's tasks made from these uploads (a reimport makes them again): the
   * cohort is re-drawn, `TasksDeleted` follows the commit. Returns how many.
   */
  async deleteMadeFrom(tx: Transaction, project: ProjectRef, uploadIds: number[]): Promise<number> {
    const uploads = [...new Set(uploadIds)];
    const ids = await queryInChunks(uploads, async (chunk) =>
      (
        await tx.manager.find(Task, {
          select: { id: true },
          where: { project_id: project.id, file_upload_id: In(chunk) },
        })
      ).map((task) => task.id),
    );
    if (ids.length === 0) return 0;
    for (const chunk of chunksOf(ids)) await tx.manager.delete(Task, { id: In(chunk) });
    await this.taskStates.tasksChanged(tx.manager, project.id);
    tx.afterCommit(new TasksDeleted(project.organization_id, project.id, ids));
    return ids.length;
  }

  /** Tasks made from deleted uploads stay, no longer linked to a file, in `manager`'s transaction. */
  async detachUploads(manager: EntityManager, uploadIds: number[]): Promise<void> {
    const dialect = dialectOfManager(manager);
    for (const chunk of chunksOf([...new Set(uploadIds)])) {
      const placeholders = chunk.map((_, index) => placeholder(dialect, index + 1)).join(', ');
      // Plain SQL: the query builder would also bump updated_at, and the task did not change.
      await manager.query(
        `UPDATE task SET file_upload_id = NULL WHERE file_upload_id IN (${placeholders})`,
        chunk,
      );
    }
  }
}
