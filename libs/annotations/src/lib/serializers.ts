import { User } from '@ls/auth';
import { AnnotationDraft } from './entities/annotation-draft.entity';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import { AnnotationDraftResponse } from './responses/annotation-draft.response';
import { AnnotationResponse } from './responses/annotation.response';
import { PredictionResponse } from './responses/prediction.response';

const UNITS: [string, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes", "1 hour" (largest unit, non-breaking space), the way Django's timesince says it. */
export function timeAgo(date: Date, now = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    if (count > 0 || unit === 'minute') {
      return `${count}\u00a0${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return '';
}

/** Label Studio's `created_username`: "First Last email, id". */
export function createdUsername(
  user: Pick<User, 'id' | 'email' | 'first_name' | 'last_name'> | null,
) {
  if (!user) return '';
  const name = user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name;
  return `${name} ${user.email}, ${user.id}`;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeAnnotation(
  annotation: Annotation,
  author: User | null | undefined,
): AnnotationResponse {
  return {
    id: annotation.id,
    result: annotation.result ?? [],
    task: annotation.task_id,
    project: annotation.project_id,
    completed_by: annotation.completed_by_id ?? undefined,
    updated_by: annotation.updated_by_id,
    was_cancelled: annotation.was_cancelled,
    ground_truth: annotation.ground_truth,
    lead_time: annotation.lead_time,
    created_at: annotation.created_at.toISOString(),
    updated_at: annotation.updated_at.toISOString(),
    draft_created_at: iso(annotation.draft_created_at),
    parent_prediction: annotation.parent_prediction_id,
    parent_annotation: annotation.parent_annotation_id,
    last_action: annotation.last_action,
    last_created_by: annotation.last_created_by_id,
    import_id: annotation.import_id === null ? null : Number(annotation.import_id),
    bulk_created: annotation.bulk_created,
    created_ago: timeAgo(annotation.created_at),
    created_username: createdUsername(author ?? null),
    state: '',
  };
}

export function serializePrediction(prediction: Prediction): PredictionResponse {
  return {
    id: prediction.id,
    result: prediction.result,
    score: prediction.score,
    model_version: prediction.model_version,
    task: prediction.task_id,
    project: prediction.project_id,
    model: prediction.model_id,
    model_run: prediction.model_run_id,
    cluster: prediction.cluster,
    neighbors: prediction.neighbors ?? null,
    mislabeling: prediction.mislabeling,
    created_at: prediction.created_at.toISOString(),
    updated_at: prediction.updated_at.toISOString(),
    created_ago: timeAgo(prediction.created_at),
  };
}

/** `author`: the draft's user (Label Studio's `created_username`), when known. */
export function serializeDraft(
  draft: AnnotationDraft,
  author: Pick<User, 'id' | 'email' | 'first_name' | 'last_name'> | null = null,
): AnnotationDraftResponse {
  return {
    id: draft.id,
    result: draft.result,
    lead_time: draft.lead_time,
    task: draft.task_id,
    annotation: draft.annotation_id,
    user: draft.user_id,
    created_username: createdUsername(author?.id === draft.user_id ? author : null),
    created_ago: timeAgo(draft.created_at),
    was_postponed: draft.was_postponed,
    import_id: draft.import_id === null ? null : Number(draft.import_id),
    created_at: draft.created_at.toISOString(),
    updated_at: draft.updated_at.toISOString(),
  };
}
