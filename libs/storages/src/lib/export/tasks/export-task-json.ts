/**
 * The export's JSON text of tasks and their parts, written from raw rows: JSON columns arrive as
 * JSON text and are spliced in as they are, everything else is written with `JSON.stringify`.
 * The shape is Label Studio's export task (every stored field but `overlap`, `is_labeled` and
 * `precomputed_agreement`; annotations with every field; the uploaded file by its name).
 */

const text = (value: unknown) => JSON.stringify(value ?? null);
/** A JSON column's text, or `fallback` when the column is NULL. */
const raw = (json: unknown, fallback: string) =>
  typeof json === 'string' ? json : json == null ? fallback : JSON.stringify(json);
/** SQLite reads booleans as 0 and 1. */
const bool = (value: unknown) => (value === true || value === 1 ? 'true' : 'false');
const number = (value: unknown) => (value == null ? 'null' : String(Number(value)));

export interface TaskRow {
  id: number;
  project_id: number;
  inner_id: number | null;
  data: unknown;
  meta: unknown;
  created_at: string;
  updated_at: string;
  total_annotations: number;
  cancelled_annotations: number;
  total_predictions: number;
  comment_count: number;
  unresolved_comment_count: number;
  last_comment_updated_at: string | null;
  updated_by_id: number | null;
  file_upload_id: number | null;
}

export interface AnnotationRow {
  id: number;
  task_id: number;
  project_id: number;
  completed_by_id: number | null;
  result: unknown;
  result_count: number;
  was_cancelled: unknown;
  ground_truth: unknown;
  created_at: string;
  updated_at: string;
  draft_created_at: string | null;
  lead_time: number | null;
  unique_id: string | null;
  import_id: string | number | null;
  last_action: string | null;
  bulk_created: unknown;
  updated_by_id: number | null;
  parent_prediction_id: number | null;
  parent_annotation_id: number | null;
  last_created_by_id: number | null;
}

export interface PredictionRow {
  id: number;
  task_id: number;
  project_id: number;
  result: unknown;
  score: number | null;
  model_version: string;
  cluster: number | null;
  neighbors: unknown;
  mislabeling: number;
  created_at: string;
  updated_at: string;
  model_id: number | null;
  model_run_id: number | null;
}

export interface DraftRow {
  id: number;
  task_id: number;
  user_id: number;
  annotation_id: number | null;
  result: unknown;
  lead_time: number | null;
  was_postponed: unknown;
  import_id: string | number | null;
  created_at: string;
  updated_at: string;
}

/** `completed_by` as the export writes it: the id, or the expanded user's JSON. */
export type AnnotatorText = (id: number | null) => string;

export function annotationJson(row: AnnotationRow, completedBy: AnnotatorText): string {
  return (
    `{"id":${row.id},"completed_by":${completedBy(row.completed_by_id)}` +
    `,"result":${raw(row.result, '[]')},"was_cancelled":${bool(row.was_cancelled)}` +
    `,"ground_truth":${bool(row.ground_truth)},"created_at":${text(row.created_at)}` +
    `,"updated_at":${text(row.updated_at)},"draft_created_at":${text(row.draft_created_at)}` +
    `,"lead_time":${number(row.lead_time)},"prediction":{},"result_count":${number(row.result_count)}` +
    `,"unique_id":${text(row.unique_id)},"import_id":${number(row.import_id)}` +
    `,"last_action":${text(row.last_action)},"bulk_created":${row.bulk_created == null ? 'null' : bool(row.bulk_created)}` +
    `,"task":${row.task_id},"project":${row.project_id},"updated_by":${number(row.updated_by_id)}` +
    `,"parent_prediction":${number(row.parent_prediction_id)}` +
    `,"parent_annotation":${number(row.parent_annotation_id)}` +
    `,"last_created_by":${number(row.last_created_by_id)}}`
  );
}

export function predictionJson(row: PredictionRow): string {
  return (
    `{"id":${row.id},"result":${raw(row.result, '[]')},"score":${number(row.score)}` +
    `,"model_version":${text(row.model_version)},"cluster":${number(row.cluster)}` +
    `,"neighbors":${raw(row.neighbors, 'null')},"mislabeling":${number(row.mislabeling)}` +
    `,"created_at":${text(row.created_at)},"updated_at":${text(row.updated_at)}` +
    `,"model":${number(row.model_id)},"model_run":${number(row.model_run_id)}` +
    `,"task":${row.task_id},"project":${row.project_id}}`
  );
}

export function draftJson(row: DraftRow): string {
  return (
    `{"id":${row.id},"user":${row.user_id},"result":${raw(row.result, '[]')}` +
    `,"lead_time":${number(row.lead_time)},"was_postponed":${bool(row.was_postponed)}` +
    `,"import_id":${number(row.import_id)},"created_at":${text(row.created_at)}` +
    `,"updated_at":${text(row.updated_at)},"task":${row.task_id},"annotation":${number(row.annotation_id)}}`
  );
}

export interface TaskParts {
  /** The JSON texts of the task's annotations, predictions and drafts (objects or ids). */
  annotations: string[];
  predictions: string[];
  drafts: string[];
  fileUpload: string | null;
}

export function taskJson(row: TaskRow, parts: TaskParts): string {
  return (
    `{"id":${row.id},"annotations":[${parts.annotations.join(',')}]` +
    `,"file_upload":${text(parts.fileUpload)},"drafts":[${parts.drafts.join(',')}]` +
    `,"predictions":[${parts.predictions.join(',')}],"data":${raw(row.data, '{}')}` +
    `,"meta":${raw(row.meta, '{}')},"created_at":${text(row.created_at)}` +
    `,"updated_at":${text(row.updated_at)},"inner_id":${number(row.inner_id)}` +
    `,"total_annotations":${number(row.total_annotations)}` +
    `,"cancelled_annotations":${number(row.cancelled_annotations)}` +
    `,"total_predictions":${number(row.total_predictions)}` +
    `,"comment_count":${number(row.comment_count)}` +
    `,"unresolved_comment_count":${number(row.unresolved_comment_count)}` +
    `,"last_comment_updated_at":${text(row.last_comment_updated_at)}` +
    `,"project":${row.project_id},"updated_by":${number(row.updated_by_id)},"comment_authors":[]}`
  );
}
