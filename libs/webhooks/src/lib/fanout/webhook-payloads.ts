import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { chunksOf } from '@ls/core';
import { Annotation, serializeAnnotation } from '@ls/annotations';
import {
  Project,
  ProjectStats,
  ProjectsService,
  serializeProject,
  ZERO_COUNTERS,
} from '@ls/projects';
import { serializeTaskSimple, Task } from '@ls/tasks';
import { Occurrence } from './webhook-occurrences';

export type PayloadObject = Record<string, unknown>;

/**
 * The objects an event's payload shows, serialized in the transaction of the change and kept
 * with the event: a project without its counters (those are read when it is sent), the tasks
 * created, or the annotations (the task and project beside them are read when sent).
 */
export interface PayloadSnapshot {
  project?: PayloadObject;
  tasks?: PayloadObject[];
  annotations?: PayloadObject[];
}

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
 * Projects, tasks and annotations as the API serializes them: snapshots taken in the change's
 * transaction, and the objects as they are when the events are handed over (for payloads that
 * have no snapshot, and the projects' counters). An object deleted since is shown as its id alone.
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

  /** Per occurrence, the objects its payload shows, as they are in `manager`'s transaction. */
  async snapshot(manager: EntityManager, occurrences: Occurrence[]): Promise<PayloadSnapshot[]> {
    const projectIds = occurrences.filter(isProjectAction).map((o) => o.projectId);
    const annotationIds = occurrences.filter(isAnnotationAction).flatMap((o) => o.annotationIds);
    const annotations = await this.annotations(manager, [...new Set(annotationIds)]);
    const taskIds = occurrences
      .filter((o) => o.action === 'TASKS_CREATED')
      .flatMap((o) => o.taskIds);
    const tasks = await this.tasks(manager, [...new Set(taskIds)]);
    const projects = await this.projectObjects(manager, [...new Set(projectIds)], false);
    const pick = (objects: Map<number, PayloadObject>, ids: number[]): PayloadObject[] =>
      ids.flatMap((id) => {
        const found = objects.get(id);
        return found ? [found] : [];
      });
    return occurrences.map((occurrence): PayloadSnapshot => {
      if (isProjectAction(occurrence)) return { project: projects.get(occurrence.projectId) };
      if (!isAnnotationAction(occurrence)) return { tasks: pick(tasks, occurrence.taskIds) };
      return { annotations: pick(annotations, occurrence.annotationIds) };
    });
  }

  /** `withCounters` false: counters and members zero, to be filled in when sent. */
  private async projectObjects(manager: EntityManager, ids: number[], withCounters = true) {
    const found = new Map<number, PayloadObject>();
    if (ids.length === 0) return found;
    const projects = await manager.find(Project, { where: { id: In(ids) } });
    if (!withCounters) {
      for (const project of projects) {
        found.set(
          project.id,
          serializeProject(project, ZERO_COUNTERS, 0) as unknown as PayloadObject,
        );
      }
      return found;
    }
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
      const rows = await manager.find(Annotation, {
        where: { id: In(chunk) },
        relations: { completed_by: true },
      });
      for (const row of rows) {
        found.set(row.id, serializeAnnotation(row, row.completed_by) as unknown as PayloadObject);
      }
    }
    return found;
  }
}

const isProjectAction = (occurrence: Occurrence) => occurrence.action.startsWith('PROJECT_');
const isAnnotationAction = (occurrence: Occurrence) => occurrence.action.startsWith('ANNOTATION');
