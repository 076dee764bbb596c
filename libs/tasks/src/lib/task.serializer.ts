import { Task } from './task.entity';

/**
 * `TaskSimple`: a task with its stored counters. Its annotations and predictions are listed by the
 * annotations library once it exists; until then a task has none.
 */
export function serializeTaskSimple(task: Task) {
  return {
    id: task.id,
    data: task.data,
    meta: task.meta,
    project: task.project_id,
    inner_id: task.inner_id,
    created_at: task.created_at.toISOString(),
    updated_at: task.updated_at.toISOString(),
    updated_by: task.updated_by_id,
    is_labeled: task.is_labeled,
    overlap: task.overlap,
    file_upload: task.file_upload_id,
    total_annotations: task.total_annotations,
    cancelled_annotations: task.cancelled_annotations,
    total_predictions: task.total_predictions,
    comment_count: task.comment_count,
    unresolved_comment_count: task.unresolved_comment_count,
    last_comment_updated_at: task.last_comment_updated_at
      ? task.last_comment_updated_at.toISOString()
      : null,
    comment_authors: [],
    annotations: [],
    predictions: [],
  };
}
