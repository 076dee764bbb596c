import { Annotation, AnnotationDraft, Prediction } from '@ls/annotations';
import { Task } from '@ls/tasks';

/** Label Studio's timestamps in exports: microseconds and `Z` (`2024-05-01T10:05:00.000000Z`). */
export function exportTime(date: Date): string;
export function exportTime(date: Date | null): string | null;
export function exportTime(date: Date | null): string | null {
  return date ? `${date.toISOString().slice(0, 23)}000Z` : null;
}

/** An annotator as `annotations__completed_by` expands it. */
export interface ExportUser {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
}

export function serializeExportAnnotation(
  annotation: Annotation,
  completedBy: ExportUser | undefined,
): Record<string, unknown> {
  const result = annotation.result ?? [];
  return {
    id: annotation.id,
    completed_by: completedBy ?? annotation.completed_by_id,
    result,
    was_cancelled: annotation.was_cancelled,
    ground_truth: annotation.ground_truth,
    created_at: exportTime(annotation.created_at),
    updated_at: exportTime(annotation.updated_at),
    draft_created_at: exportTime(annotation.draft_created_at),
    lead_time: annotation.lead_time,
    prediction: {},
    result_count: result.length,
    unique_id: annotation.unique_id,
    import_id: annotation.import_id === null ? null : Number(annotation.import_id),
    last_action: annotation.last_action,
    bulk_created: annotation.bulk_created,
    task: annotation.task_id,
    project: annotation.project_id,
    updated_by: annotation.updated_by_id,
    parent_prediction: annotation.parent_prediction_id,
    parent_annotation: annotation.parent_annotation_id,
    last_created_by: annotation.last_created_by_id,
  };
}

export function serializeExportPrediction(prediction: Prediction): Record<string, unknown> {
  return {
    id: prediction.id,
    result: prediction.result,
    score: prediction.score,
    model_version: prediction.model_version,
    cluster: prediction.cluster,
    neighbors: prediction.neighbors ?? null,
    mislabeling: prediction.mislabeling,
    created_at: exportTime(prediction.created_at),
    updated_at: exportTime(prediction.updated_at),
    model: prediction.model_id,
    model_run: prediction.model_run_id,
    task: prediction.task_id,
    project: prediction.project_id,
  };
}

export function serializeExportDraft(draft: AnnotationDraft): Record<string, unknown> {
  return {
    id: draft.id,
    user: draft.user_id,
    result: draft.result,
    lead_time: draft.lead_time,
    was_postponed: draft.was_postponed,
    import_id: draft.import_id === null ? null : Number(draft.import_id),
    created_at: exportTime(draft.created_at),
    updated_at: exportTime(draft.updated_at),
    task: draft.task_id,
    annotation: draft.annotation_id,
  };
}

export interface ExportTaskParts {
  annotations: Record<string, unknown>[];
  predictions: unknown[];
  drafts: unknown[];
  fileUpload: string | null;
}

/**
 * A task as Label Studio's export writes it: every stored field but `overlap`, `is_labeled` and
 * `precomputed_agreement`; the uploaded file by its name.
 */
export function serializeExportTask(task: Task, parts: ExportTaskParts): Record<string, unknown> {
  return {
    id: task.id,
    annotations: parts.annotations,
    file_upload: parts.fileUpload,
    drafts: parts.drafts,
    predictions: parts.predictions,
    data: task.data,
    meta: task.meta ?? {},
    created_at: exportTime(task.created_at),
    updated_at: exportTime(task.updated_at),
    inner_id: task.inner_id,
    total_annotations: task.total_annotations,
    cancelled_annotations: task.cancelled_annotations,
    total_predictions: task.total_predictions,
    comment_count: task.comment_count,
    unresolved_comment_count: task.unresolved_comment_count,
    last_comment_updated_at: exportTime(task.last_comment_updated_at),
    project: task.project_id,
    updated_by: task.updated_by_id,
    comment_authors: [],
  };
}
