import { checkedResult } from '@ls/annotations';
import { ValidationFailedException } from '@ls/core';
import { Project } from '@ls/projects';
import { AnnotatorDirectory } from './annotators';
import { ImportedAnnotation } from './task-items';

/** Where imported rows go and who imports them. */
export interface ImportTarget {
  project: Project;
  importerId: number;
  validatePredictions: boolean;
}

export function annotationRow(
  annotation: ImportedAnnotation,
  taskId: number,
  target: ImportTarget,
  annotators: AnnotatorDirectory,
) {
  return {
    result: annotation.result,
    task_id: taskId,
    project_id: target.project.id,
    completed_by_id: annotators.idOf(annotation),
    updated_by_id: target.importerId,
    was_cancelled: annotation.was_cancelled === true,
    // Imported annotations are ground truth unless they say otherwise, as in Label Studio.
    ground_truth: annotation.ground_truth !== false,
    lead_time: typeof annotation.lead_time === 'number' ? annotation.lead_time : null,
    last_action: 'imported' as const,
    last_created_by_id: target.importerId,
    import_id: Number.isInteger(annotation.id) ? String(annotation.id) : null,
    bulk_created: false,
  };
}

/** A prediction row; its result is checked against the label config unless that is off. */
export function predictionRow(item: unknown, taskId: number, target: ImportTarget) {
  const prediction = item as { result: unknown; score?: unknown; model_version?: unknown };
  const score = Number(prediction.score);
  return {
    result: checkedResult(prediction.result, target.project.parsed_label_config, {
      validate: target.validatePredictions,
    }),
    score: prediction.score === undefined || Number.isNaN(score) ? null : score,
    model_version:
      typeof prediction.model_version === 'string' ? prediction.model_version : 'undefined',
    task_id: taskId,
    project_id: target.project.id,
  };
}

/** A prediction problem of the `position`th prediction of item `index`, named as Label Studio does. */
export function predictionProblem(
  error: unknown,
  index: number,
  position: number,
): ValidationFailedException {
  if (!(error instanceof ValidationFailedException)) throw error;
  return new ValidationFailedException({
    [`[${index}].predictions`]: Object.values(error.errors)
      .flat()
      .map((message) => `Task ${index}, prediction ${position}: ${message}`),
  });
}
