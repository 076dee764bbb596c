import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AnnotationsCreated, AnnotationsDeleted, AnnotationUpdated } from '@ls/annotations';
import {
  AppConfig,
  BoundSql,
  chunksOf,
  dialectOfManager,
  DomainEvent,
  OnDurableEvent,
  RecordedEvent,
  Transaction,
} from '@ls/core';
import { ProjectCreated, ProjectDeleted, ProjectUpdated } from '@ls/projects';
import { TasksCreated, TasksDeleted } from '@ls/tasks';
import { WebhookDeliverer } from '../delivery/webhook-deliverer';
import { isOrganizationOnly, WebhookActionName } from '../subscriptions/webhook-actions';
import { Webhook } from '../subscriptions/webhook.entity';
import { PayloadIds, PayloadObject, PayloadObjects, WebhookPayloads } from './webhook-payloads';

/** One event as webhooks see it: its action, where it happened and what its payload names. */
interface Occurrence {
  eventId: number;
  organizationId: number;
  projectId: number;
  action: WebhookActionName;
  taskIds?: number[];
  annotationIds?: number[];
}

const DELIVERY_COLUMNS = [
  'webhook_id',
  'event_id',
  'part',
  'delivery_id',
  'action',
  'body',
  'status',
  'attempts',
  'next_attempt_at',
  'created_at',
];
const DELIVERIES_PER_INSERT = 50;

/**
 * Turns the outbox's events into deliveries, in the relay's transaction: the webhooks each event
 * is for, the body each will be sent (fixed now, so every try sends the same bytes), one row per
 * webhook and request. Handing the same events over again adds nothing (unique per webhook,
 * event and part). Events for which no webhook listens cost one query per batch.
 */
@Injectable()
export class WebhookFanout {
  constructor(
    private readonly payloads: WebhookPayloads,
    private readonly deliverer: WebhookDeliverer,
    private readonly config: AppConfig,
  ) {}

  @OnDurableEvent(ProjectCreated)
  projectCreated(events: RecordedEvent<ProjectCreated>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'PROJECT_CREATED'),
    );
  }

  @OnDurableEvent(ProjectUpdated)
  projectUpdated(events: RecordedEvent<ProjectUpdated>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'PROJECT_UPDATED'),
    );
  }

  @OnDurableEvent(ProjectDeleted)
  projectDeleted(events: RecordedEvent<ProjectDeleted>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'PROJECT_DELETED'),
    );
  }

  @OnDurableEvent(TasksCreated)
  tasksCreated(events: RecordedEvent<TasksCreated>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'TASKS_CREATED', withTasks),
    );
  }

  @OnDurableEvent(TasksDeleted)
  tasksDeleted(events: RecordedEvent<TasksDeleted>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'TASKS_DELETED', withTasks),
    );
  }

  @OnDurableEvent(AnnotationsCreated)
  annotationsCreated(events: RecordedEvent<AnnotationsCreated>[], tx: Transaction) {
    const action = (event: AnnotationsCreated): WebhookActionName =>
      event.bulk ? 'ANNOTATIONS_CREATED' : 'ANNOTATION_CREATED';
    return this.fanOut(tx, occurrencesOf(events, action, withAnnotations));
  }

  @OnDurableEvent(AnnotationUpdated)
  annotationUpdated(events: RecordedEvent<AnnotationUpdated>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'ANNOTATION_UPDATED', withAnnotations),
    );
  }

  @OnDurableEvent(AnnotationsDeleted)
  annotationsDeleted(events: RecordedEvent<AnnotationsDeleted>[], tx: Transaction) {
    return this.fanOut(
      tx,
      occurrencesOf(events, () => 'ANNOTATIONS_DELETED', withAnnotations),
    );
  }

  private async fanOut(tx: Transaction, occurrences: Occurrence[]): Promise<void> {
    const hooks = await this.activeWebhooks(tx.manager, occurrences);
    if (hooks.length === 0) return;
    const targeted = occurrences
      .map((occurrence) => ({ occurrence, targets: hooks.filter((h) => listens(h, occurrence)) }))
      .filter(({ targets }) => targets.length > 0);
    if (targeted.length === 0) return;
    const withPayload = targeted.filter(({ targets }) => targets.some((h) => h.send_payload));
    const objects = await this.payloads.load(
      tx.manager,
      idsOf(withPayload.map((t) => t.occurrence)),
    );
    const now = new Date();
    const rows: unknown[][] = [];
    for (const { occurrence, targets } of targeted) {
      const parts = targets.some((h) => h.send_payload) ? this.bodies(occurrence, objects) : [];
      const bare = JSON.stringify({ action: occurrence.action });
      for (const hook of targets) {
        const bodies = hook.send_payload ? parts : [bare];
        bodies.forEach((body, part) =>
          rows.push([
            hook.id,
            occurrence.eventId,
            part,
            randomUUID(),
            occurrence.action,
            body,
            'pending',
            0,
            now,
            now,
          ]),
        );
      }
    }
    await this.insertDeliveries(tx.manager, rows);
    const webhookIds = [...new Set(targeted.flatMap(({ targets }) => targets.map((h) => h.id)))];
    tx.whenCommitted(() => this.deliverer.kick(webhookIds));
  }

  private activeWebhooks(manager: EntityManager, occurrences: Occurrence[]): Promise<Webhook[]> {
    const organizationIds = [...new Set(occurrences.map((o) => o.organizationId))];
    return manager.find(Webhook, {
      where: { organization_id: In(organizationIds), is_active: true },
    });
  }

  /** The request bodies of one event, lists split into `WEBHOOK_BATCH_SIZE` items each. */
  private bodies(occurrence: Occurrence, objects: PayloadObjects): string[] {
    const { action } = occurrence;
    const project = shown(objects.projects, occurrence.projectId);
    const size = this.config.WEBHOOK_BATCH_SIZE;
    const body = (payload: PayloadObject) => JSON.stringify({ action, ...payload });
    switch (action) {
      case 'PROJECT_CREATED':
      case 'PROJECT_UPDATED':
        return [body({ project })];
      case 'PROJECT_DELETED':
        return [body({ project: { id: occurrence.projectId } })];
      case 'TASKS_CREATED':
        return chunksOf(occurrence.taskIds ?? [], size).map((ids) =>
          body({ tasks: ids.map((id) => shown(objects.tasks, id)), project }),
        );
      case 'TASKS_DELETED':
        return chunksOf(occurrence.taskIds ?? [], size).map((ids) =>
          body({ tasks: ids.map((id) => ({ id })), project }),
        );
      case 'ANNOTATIONS_DELETED':
        return chunksOf(occurrence.annotationIds ?? [], size).map((ids) =>
          body({ annotations: ids.map((id) => ({ id })), project }),
        );
      case 'ANNOTATIONS_CREATED':
        return chunksOf(occurrence.annotationIds ?? [], size).map((ids) => {
          const annotations = ids.map((id) => shown(objects.annotations, id));
          const tasks = annotations.map((a) => shown(objects.tasks, a.task as number));
          return body({ annotation: annotations, task: tasks, project });
        });
      default: {
        // ANNOTATION_CREATED, ANNOTATION_UPDATED: one request per annotation.
        return (occurrence.annotationIds ?? []).map((id) => {
          const annotation = shown(objects.annotations, id);
          return body({
            annotation,
            task: shown(objects.tasks, annotation.task as number),
            project,
          });
        });
      }
    }
  }

  private async insertDeliveries(manager: EntityManager, rows: unknown[][]): Promise<void> {
    const dialect = dialectOfManager(manager);
    for (const batch of chunksOf(rows, DELIVERIES_PER_INSERT)) {
      const sql = new BoundSql(dialect);
      const values = batch
        .map((row) => `(${row.map((value) => sql.bind(value as never)).join(', ')})`)
        .join(', ');
      await manager.query(
        `INSERT INTO webhook_delivery (${DELIVERY_COLUMNS.join(', ')}) VALUES ${values}
          ON CONFLICT (webhook_id, event_id, part) DO NOTHING`,
        sql.values,
      );
    }
  }
}

interface ProjectEventFields {
  organizationId: number;
  projectId: number;
}

type NamedIds = Pick<Occurrence, 'taskIds' | 'annotationIds'>;

const withTasks = (event: { taskIds: number[] }): NamedIds => ({ taskIds: event.taskIds });
const withAnnotations = (event: { annotationIds: number[] }): NamedIds => ({
  annotationIds: event.annotationIds,
});

/** The events of one class as occurrences of `action`, with the ids their payloads name. */
function occurrencesOf<E extends DomainEvent & ProjectEventFields>(
  events: RecordedEvent<E>[],
  action: (event: E) => WebhookActionName,
  ids: (event: E) => NamedIds = () => ({}),
): Occurrence[] {
  return events.map(({ id, event }) => ({
    eventId: id,
    organizationId: event.organizationId,
    projectId: event.projectId,
    action: action(event),
    ...ids(event),
  }));
}

/** Label Studio's targeting: the organization's webhooks and the event project's, per action. */
function listens(hook: Webhook, occurrence: Occurrence): boolean {
  if (hook.organization_id !== occurrence.organizationId) return false;
  const projectMatches =
    hook.project_id === null ||
    (!isOrganizationOnly(occurrence.action) && hook.project_id === occurrence.projectId);
  return projectMatches && (hook.send_for_all_actions || hook.actions.includes(occurrence.action));
}

function idsOf(occurrences: Occurrence[]): PayloadIds {
  const ids: PayloadIds = { projectIds: new Set(), taskIds: new Set(), annotationIds: new Set() };
  for (const occurrence of occurrences) {
    if (occurrence.action !== 'PROJECT_DELETED') ids.projectIds.add(occurrence.projectId);
    if (occurrence.action === 'TASKS_CREATED') {
      for (const id of occurrence.taskIds ?? []) ids.taskIds.add(id);
    }
    if (occurrence.action.startsWith('ANNOTATION') && occurrence.action !== 'ANNOTATIONS_DELETED') {
      for (const id of occurrence.annotationIds ?? []) ids.annotationIds.add(id);
    }
  }
  return ids;
}

const shown = (objects: Map<number, PayloadObject>, id: number): PayloadObject =>
  objects.get(id) ?? { id };
