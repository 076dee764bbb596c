import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { activeMemberIds, AuthContext } from '@ls/auth';
import {
  assertIdListSize,
  chunksOf,
  IDS_PER_STATEMENT,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { Task } from '../task.entity';
import { TaskFilters } from '../ports/task-filters';
import { AssigneesDto } from './dto/assignees.dto';
import { BulkAssigneesDto } from './dto/bulk-assignees.dto';
import { RemoveAssigneesQuery } from './dto/remove-assignees.query';
import { AssignmentType, TaskAssignment } from './task-assignment.entity';

/** Assignments looked at (and written) per chunk of a large selection. */
const ROWS_PER_CHUNK = 10_000;
const ROWS_PER_INSERT = 500;

/** Who is assigned to annotate or review which tasks of a project. */
@Injectable()
export class TaskAssignmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly filters: TaskFilters,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(TaskAssignment) private readonly assignments: Repository<TaskAssignment>,
  ) {}

  async list(auth: AuthContext, projectId: number, taskId: number): Promise<TaskAssignment[]> {
    await this.task(auth, projectId, taskId);
    return this.assignments.find({ where: { task_id: taskId }, order: { id: 'ASC' } });
  }

  /** Adds the users to the task; returns the assignment of the last one. */
  async add(auth: AuthContext, projectId: number, taskId: number, input: AssigneesDto) {
    await this.task(auth, projectId, taskId);
    return this.transactions.run(async ({ manager }) => {
      await this.assertMembers(manager, auth, input.users);
      await this.insertMissing(manager, [taskId], input.type, input.users);
      return this.lastOf(manager, taskId, input.type, input.users);
    });
  }

  /** Makes `users` the task's only assignees of `type`. */
  async replace(auth: AuthContext, projectId: number, taskId: number, input: AssigneesDto) {
    await this.task(auth, projectId, taskId);
    return this.transactions.run(async ({ manager }) => {
      await this.assertMembers(manager, auth, input.users);
      await manager.delete(TaskAssignment, { task_id: taskId, type: input.type });
      await this.insertMissing(manager, [taskId], input.type, input.users);
      return this.lastOf(manager, taskId, input.type, input.users);
    });
  }

  async remove(auth: AuthContext, projectId: number, taskId: number, query: RemoveAssigneesQuery) {
    await this.task(auth, projectId, taskId);
    const users = query.users?.split(',').map((id) => Number(id.trim()));
    if (users?.some((id) => !Number.isInteger(id))) {
      throw new ValidationFailedException({ users: ['A comma-separated list of user ids.'] });
    }
    if (users) assertIdListSize('users', users);
    await this.assignments.delete({
      task_id: taskId,
      ...(query.type ? { type: query.type } : {}),
      ...(users ? { assignee_id: In(users) } : {}),
    });
  }

  /** Assigns the users to the selected tasks of a project; returns how many assignments were new. */
  async assignSelected(auth: AuthContext, projectId: number, input: BulkAssigneesDto) {
    await this.projects.get(auth, projectId);
    const taskIds = await this.filters.selectedIds(
      auth,
      projectId,
      input.filters,
      input.selectedItems,
    );
    return this.transactions.run(async ({ manager }) => {
      await this.assertMembers(manager, auth, input.users);
      return this.insertMissing(manager, taskIds, input.type, input.users);
    });
  }

  /**
   * Removes the assignments of `type` (only those of `users`, when given) from the tasks
   * `taskIds` of the project, chunk by chunk in one transaction; returns how many there were.
   */
  async unassignTasks(
    auth: AuthContext,
    projectId: number,
    taskIds: number[],
    type: AssignmentType,
    users?: number[],
  ): Promise<number> {
    await this.projects.get(auth, projectId);
    return this.transactions.run(async ({ manager }) => {
      let removed = 0;
      for (const chunk of chunksOf(taskIds, IDS_PER_STATEMENT)) {
        const tasks = await manager.find(Task, {
          select: { id: true },
          where: { id: In(chunk), project_id: projectId },
        });
        if (tasks.length === 0) continue;
        const result = await manager.delete(TaskAssignment, {
          task_id: In(tasks.map((task) => task.id)),
          type,
          ...(users ? { assignee_id: In(users) } : {}),
        });
        removed += result.affected ?? 0;
      }
      return removed;
    });
  }

  /**
   * Assigns each user to each task unless already assigned; returns how many assignments are
   * new. Tasks go in chunks (a selection of all tasks can be any size), so that neither the
   * statements' parameters nor the rows held at a time grow with the project.
   */
  private async insertMissing(
    manager: EntityManager,
    taskIds: number[],
    type: AssignmentType,
    users: number[],
  ): Promise<number> {
    const assignees = [...new Set(users)];
    if (taskIds.length === 0 || assignees.length === 0) return 0;
    const tasksPerChunk = Math.max(
      1,
      Math.min(IDS_PER_STATEMENT, Math.floor(ROWS_PER_CHUNK / assignees.length)),
    );
    let inserted = 0;
    for (const tasks of chunksOf(taskIds, tasksPerChunk)) {
      const existing = await manager.find(TaskAssignment, {
        select: { task_id: true, assignee_id: true },
        where: { task_id: In(tasks), type, assignee_id: In(assignees) },
      });
      const taken = new Set(existing.map((row) => `${row.task_id}:${row.assignee_id}`));
      const rows = tasks.flatMap((task_id) =>
        assignees
          .filter((assignee_id) => !taken.has(`${task_id}:${assignee_id}`))
          .map((assignee_id) => ({ task_id, assignee_id, type })),
      );
      for (const batch of chunksOf(rows, ROWS_PER_INSERT)) {
        await manager.insert(TaskAssignment, batch);
      }
      inserted += rows.length;
    }
    return inserted;
  }

  private async lastOf(
    manager: EntityManager,
    taskId: number,
    type: AssignmentType,
    users: number[],
  ) {
    if (users.length === 0)
      throw new ValidationFailedException({ users: ['Give at least one user.'] });
    return manager.findOneByOrFail(TaskAssignment, {
      task_id: taskId,
      type,
      assignee_id: users[users.length - 1],
    });
  }

  private async task(auth: AuthContext, projectId: number, taskId: number): Promise<void> {
    await this.projects.get(auth, projectId);
    if (!(await this.tasks.existsBy({ id: taskId, project_id: projectId }))) {
      throw new NotFoundException('Not found.');
    }
  }

  private async assertMembers(manager: EntityManager, auth: AuthContext, users: number[]) {
    const active = await activeMemberIds(manager, auth, users);
    const strangers = [...new Set(users)].filter((id) => !active.has(id));
    if (strangers.length > 0) {
      throw new ValidationFailedException({
        users: [`Not members of this organization: ${strangers.join(', ')}.`],
      });
    }
  }
}
