import { NOTHING_RELATED, TaskRelated } from './ports/task-relations';
import { LseTaskResponse } from './responses/lse-task.response';
import { TaskSimpleResponse } from './responses/task-simple.response';
import { Task } from './task.entity';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function storedFields(task: Task) {
  return {
    id: task.id,
    data: task.data,
    meta: task.meta,
    project: task.project_id,
    inner_id: task.inner_id,
    created_at: task.created_at.toISOString(),
    updated_at: task.updated_at.toISOString(),
    is_labeled: task.is_labeled,
    overlap: task.overlap,
    total_annotations: task.total_annotations,
    cancelled_annotations: task.cancelled_annotations,
    total_predictions: task.total_predictions,
    comment_count: task.comment_count,
    unresolved_comment_count: task.unresolved_comment_count,
    last_comment_updated_at: isoOrNull(task.last_comment_updated_at),
  };
}

/** `TaskSimple`, the shape of `GET /api/projects/{id}/tasks/`. */
export function serializeTaskSimple(
  task: Task,
  related: TaskRelated = NOTHING_RELATED,
): TaskSimpleResponse {
  return {
    ...storedFields(task),
    updated_by: task.updated_by_id,
    file_upload: task.file_upload_id,
    comment_authors: [],
    annotations: related.annotations,
    predictions: related.predictions,
  };
}

/**
 * `LseTask`, the shape of `/api/tasks/` and `/api/tasks/{id}/`. Annotations, predictions and
 * drafts are lists, as Label Studio returns them and its clients read them (the contract types
 * `annotations` as a string: see docs/contract-deviations.md). Review, agreement and comment
 * figures belong to features this edition does not have: empty or zero.
 */
export function serializeTask(task: Task, related: TaskRelated = NOTHING_RELATED): LseTaskResponse {
  const { predictions_score, avg_lead_time, completed_at, ...lists } = related;
  return {
    ...storedFields(task),
    allow_skip: task.allow_skip,
    updated_by: task.updated_by_id === null ? [] : [{ user_id: task.updated_by_id }],
    file_upload: task.file_upload_id === null ? '' : String(task.file_upload_id),
    storage_filename: task.storage_filename ?? '',
    ...lists,
    annotators_count: related.annotators.length,
    ...(predictions_score === undefined ? {} : { predictions_score }),
    ...(avg_lead_time === undefined ? {} : { avg_lead_time }),
    ...(completed_at === undefined ? {} : { completed_at }),
    comment_authors: [],
    comment_authors_count: 0,
    comments: '',
    agreement: '',
    agreement_selected: '',
    precomputed_agreement: null,
    annotation_time: 0,
    review_time: 0,
    reviewers: [],
    reviewers_count: 0,
    reviewed: false,
    reviews_accepted: 0,
    reviews_rejected: 0,
    state: '',
  };
}
