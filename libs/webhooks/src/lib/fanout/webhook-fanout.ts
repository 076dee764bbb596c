import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AnnotationsCreated, AnnotationsDeleted, AnnotationUpdated } from '@ls/annotations';
import {
  AppConfig,
  BoundSql,
  chunksOf,
  dialectOfManager,
  OnDurableEvent,
  RecordedEvent,
  Transaction,
} from '@ls/core';
import { COUNTER_FIELDS, ProjectCreated, ProjectDeleted, ProjectUpdated } from '@ls/projects';
import { TasksCreated, TasksDeleted } from '@ls/tasks';
import { WebhookDeliverer } from '../delivery/webhook-deliverer';
import { Webhook } from '../subscriptions/webhook.entity';
import { listens, Occurrence, occurrenceOf, WebhookSourceEvent } from './webhook-occurrences';
import {
  PayloadIds,
  PayloadObject,
  PayloadObjects,
  PayloadSnapshot,
  WebhookPayloads,
} from './webhook-payloads';
import { SNAPSHOT_KEY } from './webhook-snapshots';

/** An event handed over by the relay, with the snapshot of its payload's objects if one was kept. */
interface Handed extends Occurrence {
  eventId: number;
  snapshot?: PayloadSnapshot;
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
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(ProjectUpdated)
  projectUpdated(events: RecordedEvent<ProjectUpdated>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(ProjectDeleted)
  projectDeleted(events: RecordedEvent<ProjectDeleted>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(TasksCreated)
  tasksCreated(events: RecordedEvent<TasksCreated>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(TasksDeleted)
  tasksDeleted(events: RecordedEvent<TasksDeleted>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(AnnotationsCreated)
  annotationsCreated(events: RecordedEvent<AnnotationsCreated>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(AnnotationUpdated)
  annotationUpdated(events: RecordedEvent<AnnotationUpdated>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  @OnDurableEvent(AnnotationsDeleted)
  annotationsDeleted(events: RecordedEvent<AnnotationsDeleted>[], tx: Transaction) {
    return this.fanOut(tx, events.map(handed));
  }

  private async fanOut(tx: Transaction, occurrences: Handed[]): Promise<void> {
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

  private activeWebhooks(manager: EntityManager, occurrences: Handed[]): Promise<Webhook[]> {
    const organizationIds = [...new Set(occurrences.map((o) => o.organizationId))];
    return manager.find(Webhook, {
      where: { organization_id: In(organizationIds), is_active: true },
    });
  }

  /** The request bodies of one event, lists split into `WEBHOOK_BATCH_SIZE` items each. */
  private bodies(occurrence: Handed, objects: PayloadObjects): string[] {
    const { action } = occurrence;
    const shown = new ShownObjects(occurrence, objects);
    const project = shown.project();
    const size = this.config.WEBHOOK_BATCH_SIZE;
    const body = (payload: PayloadObject) => JSON.stringify({ action, ...payload });
    switch (action) {
      case 'PROJECT_CREATED':
      case 'PROJECT_UPDATED':
        return [body({ project })];
      case 'PROJECT_DELETED':
        return [body({ project: { id: occurrence.projectId } })];
      case 'TASKS_CREATED':
        return chunksOf(occurrence.taskIds, size).map((ids) =>
          body({ tasks: ids.map((id) => shown.task(id)), project }),
        );
      case 'TASKS_DELETED':
        return chunksOf(occurrence.taskIds, size).map((ids) =>
          body({ tasks: ids.map((id) => ({ id })), project }),
        );
      case 'ANNOTATIONS_DELETED':
        return chunksOf(occurrence.annotationIds, size).map((ids) =>
          body({ annotations: ids.map((id) => ({ id })), project }),
        );
      case 'ANNOTATIONS_CREATED':
        return chunksOf(occurrence.annotationIds, size).map((ids) => {
          const annotations = ids.map((id) => shown.annotation(id));
          const tasks = annotations.map((a) => shown.task(a.task as number));
          return body({ annotation: annotations, task: tasks, project });
        });
      default: {
        // ANNOTATION_CREATED, ANNOTATION_UPDATED: one request per annotation.
        return occurrence.annotationIds.map((id) => {
          const annotation = shown.annotation(id);
          return body({ annotation, task: shown.task(annotation.task as number), project });
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

function handed({ id, event, attachments }: RecordedEvent<WebhookSourceEvent>): Handed {
  const occurrence = occurrenceOf(event);
  const snapshot = attachments[SNAPSHOT_KEY] as PayloadSnapshot | undefined;
  if (snapshot?.annotations) {
    // Annotations kept before their insert have no id yet: theirs are the event's, in order.
    snapshot.annotations = snapshot.annotations.map((annotation, index) =>
      annotation.id === undefined
        ? { id: occurrence.annotationIds[index], ...annotation }
        : annotation,
    );
  }
  return { ...occurrence, eventId: id, snapshot };
}

/**
 * What the relay reads now: what no snapshot covers, every project (for its counters) and the
 * tasks beside annotations.
 */
function idsOf(occurrences: Handed[]): PayloadIds {
  const ids: PayloadIds = { projectIds: new Set(), taskIds: new Set(), annotationIds: new Set() };
  for (const occurrence of occurrences) {
    if (occurrence.action !== 'PROJECT_DELETED') ids.projectIds.add(occurrence.projectId);
    if (occurrence.snapshot) {
      for (const annotation of occurrence.snapshot.annotations ?? []) {
        ids.taskIds.add(annotation.task as number);
      }
      continue;
    }
    if (occurrence.action === 'TASKS_CREATED') {
      for (const id of occurrence.taskIds) ids.taskIds.add(id);
    }
    if (occurrence.action.startsWith('ANNOTATION') && occurrence.action !== 'ANNOTATIONS_DELETED') {
      for (const id of occurrence.annotationIds) ids.annotationIds.add(id);
    }
  }
  return ids;
}

/** Label Studio shows a project's live counters; the snapshot holds the rest as it was. */
const LIVE_PROJECT_FIELDS = [...COUNTER_FIELDS, 'members_count'];

/** The objects one event's payload shows: its snapshot first, else as read by the relay. */
class ShownObjects {
  private readonly tasks: Map<number, PayloadObject>;
  private readonly annotations: Map<number, PayloadObject>;

  constructor(
    private readonly occurrence: Handed,
    private readonly objects: PayloadObjects,
  ) {
    const byId = (list: PayloadObject[] = []) => new Map(list.map((o) => [o.id as number, o]));
    this.tasks = byId(occurrence.snapshot?.tasks);
    this.annotations = byId(occurrence.snapshot?.annotations);
  }

  project(): PayloadObject {
    const id = this.occurrence.projectId;
    const live = this.objects.projects.get(id);
    const kept = this.occurrence.snapshot?.project;
    if (!kept) return live ?? { id };
    if (!live) return kept;
    return { ...kept, ...Object.fromEntries(LIVE_PROJECT_FIELDS.map((f) => [f, live[f]])) };
  }

  task(id: number): PayloadObject {
    return this.tasks.get(id) ?? this.objects.tasks.get(id) ?? { id };
  }

  annotation(id: number): PayloadObject {
    return this.annotations.get(id) ?? this.objects.annotations.get(id) ?? { id };
  }
}
