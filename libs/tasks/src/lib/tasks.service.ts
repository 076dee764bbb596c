import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { PageWindow, TransactionRunner } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { Task } from './task.entity';

export interface NewTask {
  data: Record<string, unknown>;
  meta?: Record<string, unknown> | null;
  overlap?: number;
  file_upload_id?: number | null;
  storage_filename?: string | null;
}

export const TASK_ORDERINGS = ['id', '-id', 'inner_id', '-inner_id', 'created_at', '-created_at'];

@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  /**
   * Adds tasks to a project inside `manager`'s transaction, numbering them after the project's
   * highest `inner_id`. On PostgreSQL the project row is locked first, so concurrent adds to one
   * project take numbers one after the other; SQLite runs one transaction at a time anyway.
   */
  async addTasks(manager: EntityManager, project: Project, items: NewTask[]): Promise<Task[]> {
    if (items.length === 0) return [];
    if (manager.connection.options.type === 'postgres') {
      await manager
        .createQueryBuilder(Project, 'project')
        .setLock('pessimistic_write')
        .where('project.id = :id', { id: project.id })
        .getOne();
    }
    const { max } = (await manager
      .createQueryBuilder(Task, 'task')
      .select('COALESCE(MAX(task.inner_id), 0)', 'max')
      .where('task.project_id = :id', { id: project.id })
      .getRawOne<{ max: number | string }>()) ?? { max: 0 };
    const first = Number(max) + 1;
    const rows = items.map((item, index) =>
      manager.create(Task, {
        project_id: project.id,
        inner_id: first + index,
        data: item.data,
        meta: item.meta ?? {},
        overlap: item.overlap ?? project.maximum_annotations,
        file_upload_id: item.file_upload_id ?? null,
        storage_filename: item.storage_filename ?? null,
      }),
    );
    return manager.save(Task, rows, { chunk: 500 });
  }

  /** Tasks of a project of the caller's organization, in pages. */
  async listForProject(
    auth: AuthContext,
    projectId: number,
    window: PageWindow,
    ordering = 'id',
  ): Promise<Task[]> {
    await this.projects.get(auth, projectId);
    const descending = ordering.startsWith('-');
    return this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId })
      .orderBy(`task.${ordering.replace(/^-/, '')}`, descending ? 'DESC' : 'ASC')
      .skip(window.offset)
      .take(window.size)
      .getMany();
  }

  /** Deletes every task of a project of the caller's organization; returns how many. */
  async deleteAllForProject(auth: AuthContext, projectId: number): Promise<number> {
    await this.projects.get(auth, projectId);
    return this.transactions.run(async ({ manager }) => {
      const result = await manager.delete(Task, { project_id: projectId });
      return result.affected ?? 0;
    });
  }
}
