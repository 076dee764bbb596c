import { serializeUserSimple } from '@ls/auth';
import { Pause } from './pause.entity';
import { PauseResponse } from './responses/pause.response';

export function serializePause(pause: Pause): PauseResponse {
  return {
    id: pause.id,
    project: pause.project_id,
    user: pause.user_id,
    paused_by: pause.paused_by ? serializeUserSimple(pause.paused_by) : null,
    reason: pause.reason,
    verbose_reason: pause.verbose_reason,
    created_at: pause.created_at.toISOString(),
    updated_at: pause.updated_at.toISOString(),
    deleted_at: pause.deleted_at ? pause.deleted_at.toISOString() : null,
    deleted_by: pause.deleted_by_id,
  };
}
