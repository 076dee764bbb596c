import { TaskEventResponse } from '../responses/task-event.response';
import { TaskEvent } from './task-event.entity';

export function serializeTaskEvent(event: TaskEvent): TaskEventResponse {
  return {
    id: event.id,
    organization: event.organization_id,
    project: event.project_id,
    task: event.task_id,
    actor: event.actor_id,
    annotation: event.annotation_id,
    annotation_draft_id: event.annotation_draft_id,
    review: event.review_id,
    event_key: event.event_key,
    event_time: event.event_time.toISOString(),
    meta: event.meta ?? null,
    created_at: event.created_at.toISOString(),
  };
}
