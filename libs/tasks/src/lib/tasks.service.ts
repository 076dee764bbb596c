import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { chunksOf, PageWindow, TransactionRunner, ValidationFailedException } from '@ls/core';
import { Project, ProjectsService, TaskStates } from '@ls/projects';
import { CreateTaskDto } from './dto/create-task.dto';
import { PatchTaskDto } from './dto/patch-task.dto';
import { TasksCreated, TasksDeleted } from './events/task-events';
import { NewTask, TaskBulkInsert } from './task-bulk-insert';
import { Task } from './task.entity';
import { taskDataProblems } from './validation/task-data.validation';
import { TaskVisibility } from './visibility/task-visibility';

/** A data manager selection of tasks. */
export interface TaskSelection {
  all: boolean;
  included?: number[];
  excluded?: number[];
}

/** Ids per query when tasks are read back (bound parameters are limited on both databases). */
const LOAD_BATCH = 1000;

export const TASK_ORDERINGS = ['id', '-id', 'inner_id', '-inner_id', 'created_at', '-created_at'];

@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly taskStates: TaskStates,
    private readonly visibility: TaskVisibility,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  /**
   * Adds tasks to a project inside `manager`'s transaction with {@link TaskBulkInsert} and returns
   * them as stored, in the order of `items`. For a task or a few: a large import adds its batches
   * through one `TaskBulkInsert` and keeps the ids.
   */
  async addTasks(manager: EntityManager, project: Project, items: NewTask[]): Promise<Task[]> {
    if (items.length === 0) return [];
    const ids = await (await TaskBulkInsert.start(manager, project)).add(items);
    const stored = new Map<number, Task>();
    for (let start = 0; start < ids.length; start += LOAD_BATCH) {
      const batch = ids.slice(start, start + LOAD_BATCH);
      for (const task of await manager.findBy(Task, { id: In(batch) })) stored.set(task.id, task);
    }
    return ids.map((id) => stored.get(id) as Task);
  }

  /** Tasks joined with their project, limited to the caller's organization. */
  scopedQuery(auth: AuthContext, alias = 'task'): SelectQueryBuilder<Task> {
    return OrganizationScope.restrict(
      this.tasks.createQueryBuilder(alias).innerJoinAndSelect(`${alias}.project`, 'project'),
      'project',
      auth,
    );
  }

  /**
   * Ids of a project's tasks picked by a data manager selection: the `included` ones, or all but
   * the `excluded` ones.
   */
  async selectedIds(
    auth: AuthContext,
    projectId: number,
    selection: TaskSelection,
  ): Promise<number[]> {
    const { all, included = [], excluded = [] } = selection;
    const query = this.scopedQuery(auth)
      .select('task.id', 'id')
      .andWhere('task.project_id = :projectId', { projectId });
    if (!all) query.andWhere('task.id IN (:...included)', { included: [0, ...included] });
    if (all && excluded.length) query.andWhere('task.id NOT IN (:...excluded)', { excluded });
    return (await query.getRawMany<{ id: number }>()).map((row) => Number(row.id));
  }

  /** A task of the caller's organization with its project, or 404. */
  async get(auth: AuthContext, id: number): Promise<Task & { project: Project }> {
    const task = await this.scopedQuery(auth).andWhere('task.id = :id', { id }).getOne();
    if (!task) throw new NotFoundException('Not found.');
    return task as Task & { project: Project };
  }

  /** {@link get}, and 404 as well when the caller's role does not let them see the task. */
  async getVisible(auth: AuthContext, id: number): Promise<Task & { project: Project }> {
    const task = await this.get(auth, id);
    await this.visibility.assertVisible(auth, task);
    return task;
  }

  async create(auth: AuthContext, input: CreateTaskDto): Promise<Task> {
    const project = await this.projects.getReferenced(auth, input.project);
    assertValidData(input.data, project);
    return this.transactions.run(async (tx) => {
      const [added] = await this.addTasks(tx.manager, project, [input]);
      await this.taskStates.tasksChanged(tx.manager, project.id);
      if (input.is_labeled !== undefined) {
        await tx.manager.update(Task, { id: added.id }, { is_labeled: input.is_labeled });
      }
      tx.afterCommit(new TasksCreated(auth.organizationId, project.id, [added.id]));
      return tx.manager.findOneByOrFail(Task, { id: added.id });
    });
  }

  async update(auth: AuthContext, id: number, input: PatchTaskDto): Promise<Task> {
    const task = await this.get(auth, id);
    if (input.data !== undefined) assertValidData(input.data, task.project);
    const { data, meta, is_labeled, overlap, allow_skip } = input;
    const changes = { data, meta, is_labeled, overlap, allow_skip: allow_skip ?? undefined };
    await this.tasks.update({ id }, {
      ...changes,
      updated_by_id: auth.user.id,
    } as QueryDeepPartialEntity<Task>);
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const task = await this.get(auth, id);
    await this.transactions.run(async (tx) => {
      await tx.manager.delete(Task, { id });
      await this.taskStates.tasksChanged(tx.manager, task.project_id);
      tx.afterCommit(new TasksDeleted(auth.organizationId, task.project_id, [id]));
    });
  }

  /** Tasks of a project of the caller's organization that the caller may see, in pages. */
  async listForProject(
    auth: AuthContext,
    projectId: number,
    window: PageWindow,
    ordering = 'id',
  ): Promise<Task[]> {
    await this.projects.get(auth, projectId);
    await this.visibility.assertMayBrowse(auth, projectId);
    const descending = ordering.startsWith('-');
    const query = this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId });
    return this.visibility
      .restrict(query, 'task', await this.visibility.of(auth, projectId))
      .orderBy(`task.${ordering.replace(/^-/, '')}`, descending ? 'DESC' : 'ASC')
      .skip(window.offset)
      .take(window.size)
      .getMany();
  }

  /**
   * Deletes the tasks among `ids` that belong to the project (of the caller's organization), in
   * chunks inside one transaction (annotations, predictions and drafts go with them by cascade);
   * returns how many.
   */
  async deleteTasks(auth: AuthContext, projectId: number, ids: number[]): Promise<number> {
    await this.projects.get(auth, projectId);
    return this.transactions.run(async (tx) => {
      const deleted: number[] = [];
      for (const chunk of chunksOf([...new Set(ids)])) {
        const found = await tx.manager.find(Task, {
          select: { id: true },
          where: { project_id: projectId, id: In(chunk) },
        });
        if (found.length === 0) continue;
        const chunkIds = found.map((task) => task.id);
        await tx.manager.delete(Task, { id: In(chunkIds) });
        deleted.push(...chunkIds);
      }
      if (deleted.length === 0) return 0;
      await this.taskStates.tasksChanged(tx.manager, projectId);
      tx.afterCommit(new TasksDeleted(auth.organizationId, projectId, deleted));
      return deleted.length;
    });
  }

  /** Deletes every task of a project of the caller's organization; returns how many. */
  async deleteAllForProject(auth: AuthContext, projectId: number): Promise<number> {
    await this.projects.get(auth, projectId);
    return this.transactions.run(async (tx) => {
      const ids = (
        await tx.manager.find(Task, { select: { id: true }, where: { project_id: projectId } })
      ).map((task) => task.id);
      if (ids.length === 0) return 0;
      await tx.manager.delete(Task, { project_id: projectId });
      tx.afterCommit(new TasksDeleted(auth.organizationId, projectId, ids));
      return ids.length;
    });
  }
}

function assertValidData(data: unknown, project: Project): void {
  const problems = taskDataProblems(data, project.data_types);
  if (problems.length > 0) throw new ValidationFailedException({ data: problems });
}
