import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { User } from '@ls/auth';
import { chunksOf } from '@ls/core';
import { Annotation, serializeAnnotation } from '@ls/annotations';
import { Project, ProjectStats, ProjectsService, serializeProject } from '@ls/projects';
import { serializeTaskSimple, Task } from '@ls/tasks';

export type PayloadObject = Record<string, unknown>;

/** What the payloads of a batch of events show, loaded once per batch and keyed by id. */
export interface PayloadObjects {
  projects: Map<number, PayloadObject>;
  tasks: Map<number, PayloadObject>;
  annotations: Map<number, PayloadObject>;
}

export interface PayloadIds {
  projectIds: Set<number>;
  taskIds: Set<number>;
  annotationIds: Set<number>;
}

/**
 * Projects, tasks and annotations as the API serializes them, read in the relay's transaction
 * when the events are handed over: a payload shows the objects as they were then. An object
 * deleted since is shown as its id alone.
 */
@Injectable()
export class WebhookPayloads {
  constructor(
    private readonly projects: ProjectsService,
    private readonly stats: ProjectStats,
  ) {}

  async load(manager: EntityManager, ids: PayloadIds): Promise<PayloadObjects> {
    const annotations = await this.annotations(manager, [...ids.annotationIds]);
    for (const annotation of annotations.values()) ids.taskIds.add(annotation.task as number);
    return {
      projects: await this.projectObjects(manager, [...ids.projectIds]),
      tasks: await this.tasks(manager, [...ids.taskIds]),
      annotations,
    };
  }

  private async projectObjects(manager: EntityManager, ids: number[]) {
    const found = new Map<number, PayloadObject>();
    if (ids.length === 0) return found;
    const projects = await manager.find(Project, { where: { id: In(ids) } });
    const counters = await this.stats.countersFor(projects.map((project) => project.id));
    const members = new Map<number, number>();
    for (const project of projects) {
      const organizationId = project.organization_id;
      if (!members.has(organizationId)) {
        members.set(organizationId, await this.projects.memberCount({ organizationId }));
      }
      const shown = serializeProject(
        project,
        counters.get(project.id) ?? {},
        members.get(organizationId) ?? 0,
      );
      found.set(project.id, shown as unknown as PayloadObject);
    }
    return found;
  }

  private async tasks(manager: EntityManager, ids: number[]) {
    const found = new Map<number, PayloadObject>();
    for (const chunk of chunksOf(ids)) {
      for (const task of await manager.find(Task, { where: { id: In(chunk) } })) {
        found.set(task.id, serializeTaskSimple(task) as unknown as PayloadObject);
      }
    }
    return found;
  }

  private async annotations(manager: EntityManager, ids: number[]) {
    const found = new Map<number, PayloadObject>();
    for (const chunk of chunksOf(ids)) {
      const rows = await manager.find(Annotation, { where: { id: In(chunk) } });
      const authorIds = [...new Set(rows.map((row) => row.completed_by_id).filter(isId))];
      const authors = new Map(
        (authorIds.length ? await manager.find(User, { where: { id: In(authorIds) } }) : []).map(
          (user) => [user.id, user],
        ),
      );
      for (const row of rows) {
        const author = row.completed_by_id === null ? null : authors.get(row.completed_by_id);
        found.set(row.id, serializeAnnotation(row, author) as unknown as PayloadObject);
      }
    }
    return found;
  }
}

const isId = (value: number | null): value is number => value !== null;
