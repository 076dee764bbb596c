import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { activeMemberIds, AuthContext, OrganizationScope } from '@ls/auth';
import {
  dialectOfManager,
  PreparedQueries,
  queryInChunks,
  ValidationFailedException,
} from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { CONFIG_VERSION_SQL } from './writes/config-version';

export type TaskWithProject = Task & { project: Project };

/** What writing annotations to a task needs to know: its project's config and skip mode. */
export type WriteTarget = Pick<Task, 'id' | 'project_id'> & {
  project: Pick<Project, 'id' | 'parsed_label_config' | 'skip_queue'>;
};

/** A write target as read at `configVersion` (see CONFIG_VERSION_SQL). */
export interface VersionedWriteTarget {
  target: WriteTarget;
  organizationId: number;
  configVersion: string;
}

const WRITE_TARGET_SQL = `SELECT t.id, t.project_id, p.id AS p_id,
    p.parsed_label_config AS p_parsed_label_config, p.skip_queue AS p_skip_queue,
    ${CONFIG_VERSION_SQL} AS config_version
  FROM task t JOIN project p ON p.id = t.project_id
  WHERE t.id = $1 AND ${OrganizationScope.sql('p', '$2')}`;

const CACHED_TARGETS = 10_000;

const ascending = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Finds the tasks a write touches, scoped to the caller's organization. */
@Injectable()
export class TaskAccess {
  /**
   * Write targets by task id. A task never changes project nor a project organization; a project
   * whose config changed is caught by the write itself, which checks the version it was read at
   * (see AnnotationWriter.insertOne) and makes the caller read it again.
   */
  private readonly cached = new Map<number, VersionedWriteTarget>();

  constructor(private readonly prepared: PreparedQueries) {}

  /** {@link writeTargets} for one task, from memory when read before: every new annotation asks. */
  async writeTarget(
    auth: AuthContext,
    taskId: number,
    { fresh = false } = {},
  ): Promise<VersionedWriteTarget | undefined> {
    const known = this.cached.get(taskId);
    if (known && !fresh) return known.organizationId === auth.organizationId ? known : undefined;
    const [row] = await this.prepared.rows('annotations.write-target', WRITE_TARGET_SQL, [
      taskId,
      auth.organizationId,
    ]);
    if (!row) return undefined;
    const read: VersionedWriteTarget = {
      target: {
        id: Number(row.id),
        project_id: Number(row.project_id),
        project: this.prepared.hydrate(Project, row, 'p_'),
      },
      organizationId: auth.organizationId,
      configVersion: String(row.config_version),
    };
    if (this.cached.size >= CACHED_TARGETS)
      this.cached.delete(this.cached.keys().next().value as number);
    this.cached.set(taskId, read);
    return read;
  }

  forget(taskId: number): void {
    this.cached.delete(taskId);
  }

  /**
   * Tasks of the caller's organization among `taskIds`, with only the columns an annotation write
   * needs (the hot path reads nothing more), in id order; no lock.
   */
  async writeTargets(
    manager: EntityManager,
    auth: AuthContext,
    taskIds: number[],
  ): Promise<WriteTarget[]> {
    return queryInChunks(ascending(taskIds), async (chunk) => {
      const query = manager
        .createQueryBuilder(Task, 'task')
        .innerJoin('task.project', 'project')
        .select([
          'task.id',
          'task.project_id',
          'project.id',
          'project.parsed_label_config',
          'project.skip_queue',
        ])
        .where('task.id IN (:...chunk)', { chunk })
        .orderBy('task.id', 'ASC');
      return (await OrganizationScope.restrict(query, 'project', auth).getMany()) as WriteTarget[];
    });
  }

  /** The task with its project, locked until commit; 404 outside the caller's organization. */
  async lockedTask(manager: EntityManager, auth: AuthContext, taskId: number) {
    const [task] = await this.lockedTasks(manager, auth, [taskId]);
    if (!task) throw new NotFoundException('Not found.');
    return task;
  }

  /** Tasks of the caller's organization among `taskIds` (others are left out), locked. */
  async lockedTasks(
    manager: EntityManager,
    auth: AuthContext,
    taskIds: number[],
  ): Promise<TaskWithProject[]> {
    // Locked in id order (chunks ascending), so two writers never wait on each other in a
    // circle. The recount that follows each write then sees every committed row, which keeps the
    // counters exact. SQLite runs one transaction at a time and needs no lock.
    return queryInChunks(ascending(taskIds), async (chunk) => {
      const query = manager
        .createQueryBuilder(Task, 'task')
        .innerJoinAndSelect('task.project', 'project')
        .where('task.id IN (:...chunk)', { chunk })
        .orderBy('task.id', 'ASC');
      OrganizationScope.restrict(query, 'project', auth);
      if (dialectOfManager(manager) === 'postgres') {
        query.setLock('pessimistic_write', undefined, ['task']);
      }
      return (await query.getMany()) as TaskWithProject[];
    });
  }

  /** 400 unless `userId` is an active member of the caller's organization. */
  async assertMember(manager: EntityManager, auth: AuthContext, userId: number): Promise<void> {
    if (userId === auth.user.id) return;
    if (!(await activeMemberIds(manager, auth, [userId])).has(userId)) {
      throw new ValidationFailedException({
        completed_by: [`Invalid pk "${userId}" - object does not exist.`],
      });
    }
  }
}
