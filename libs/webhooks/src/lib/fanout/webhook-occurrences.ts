import { AnnotationsCreated, AnnotationsDeleted, AnnotationUpdated } from '@ls/annotations';
import { DomainEvent, DomainEventClass } from '@ls/core';
import { ProjectCreated, ProjectDeleted, ProjectUpdated } from '@ls/projects';
import { TasksCreated, TasksDeleted } from '@ls/tasks';
import { isOrganizationOnly, WebhookActionName } from '../subscriptions/webhook-actions';

/** The fields webhooks read from the domain events they turn into requests. */
export interface WebhookSourceEvent extends DomainEvent {
  organizationId: number;
  projectId: number;
  taskIds?: number[];
  annotationIds?: number[];
  bulk?: boolean;
}

/** One event as webhooks see it: its action, where it happened and what its payload names. */
export interface Occurrence {
  organizationId: number;
  projectId: number;
  action: WebhookActionName;
  taskIds: number[];
  annotationIds: number[];
}

/** Whom a webhook is for and what it asks: enough to tell whether it listens to an occurrence. */
export interface WebhookSubscription {
  organization_id: number;
  project_id: number | null;
  actions: string[];
  send_for_all_actions: boolean;
  send_payload: boolean;
}

const ACTION_OF: Record<string, (event: WebhookSourceEvent) => WebhookActionName> = {
  [ProjectCreated.eventName]: () => 'PROJECT_CREATED',
  [ProjectUpdated.eventName]: () => 'PROJECT_UPDATED',
  [ProjectDeleted.eventName]: () => 'PROJECT_DELETED',
  [TasksCreated.eventName]: () => 'TASKS_CREATED',
  [TasksDeleted.eventName]: () => 'TASKS_DELETED',
  [AnnotationsCreated.eventName]: (event) =>
    event.bulk ? 'ANNOTATIONS_CREATED' : 'ANNOTATION_CREATED',
  [AnnotationUpdated.eventName]: () => 'ANNOTATION_UPDATED',
  [AnnotationsDeleted.eventName]: () => 'ANNOTATIONS_DELETED',
};

/** The domain events webhooks are sent for. */
export const WEBHOOK_SOURCE_EVENTS: DomainEventClass[] = [
  ProjectCreated,
  ProjectUpdated,
  ProjectDeleted,
  TasksCreated,
  TasksDeleted,
  AnnotationsCreated,
  AnnotationUpdated,
  AnnotationsDeleted,
];

/** Actions whose payload shows objects that a later change could alter before it is sent. */
const SHOWS_LIVE_OBJECTS = new Set<WebhookActionName>([
  'PROJECT_CREATED',
  'PROJECT_UPDATED',
  'TASKS_CREATED',
  'ANNOTATION_CREATED',
  'ANNOTATIONS_CREATED',
  'ANNOTATION_UPDATED',
]);

export function occurrenceOf(event: WebhookSourceEvent): Occurrence {
  const action = ACTION_OF[event.eventName];
  if (!action) throw new Error(`Webhooks are not sent for ${event.eventName}`);
  return {
    organizationId: event.organizationId,
    projectId: event.projectId,
    action: action(event),
    taskIds: event.taskIds ?? [],
    annotationIds: event.annotationIds ?? [],
  };
}

/** Label Studio's targeting: the organization's webhooks and the event project's, per action. */
export function listens(hook: WebhookSubscription, occurrence: Occurrence): boolean {
  if (hook.organization_id !== occurrence.organizationId) return false;
  const projectMatches =
    hook.project_id === null ||
    (!isOrganizationOnly(occurrence.action) && hook.project_id === occurrence.projectId);
  return projectMatches && (hook.send_for_all_actions || hook.actions.includes(occurrence.action));
}

/** Whether the occurrence's payload is worth keeping as it is now for one of `hooks`. */
export function needsSnapshot(hooks: WebhookSubscription[], occurrence: Occurrence): boolean {
  return (
    SHOWS_LIVE_OBJECTS.has(occurrence.action) &&
    hooks.some((hook) => hook.send_payload && listens(hook, occurrence))
  );
}
