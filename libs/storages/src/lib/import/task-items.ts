import { ValidationErrors, ValidationFailedException } from '@ls/core';
import { taskDataProblems } from '@ls/tasks';

/** An annotation as an import carries it (`completed_by`: an email object, a user id, or none). */
export interface ImportedAnnotation {
  result: unknown[];
  completed_by?: unknown;
  was_cancelled?: boolean;
  ground_truth?: boolean;
  lead_time?: number | null;
  id?: unknown;
}

export interface ImportedPrediction {
  result: unknown;
  score?: unknown;
  model_version?: unknown;
}

/** One task of an import, in Label Studio's task envelope. */
export interface ImportItem {
  data: Record<string, unknown>;
  meta: Record<string, unknown> | null;
  annotations: ImportedAnnotation[];
  predictions: ImportedPrediction[];
}

/** Most problems listed in one answer; the rest are summed up. */
const MAX_LISTED_PROBLEMS = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as a list of task items: an object is one task, a list many; anything else is 400. */
export function taskItemsOf(body: unknown, maxTasks: number): unknown[] {
  const items = Array.isArray(body) ? body : isObject(body) ? [body] : undefined;
  if (!items) {
    throw new ValidationFailedException({
      non_field_errors: ['load_tasks: No data found in DATA or in FILES'],
    });
  }
  if (items.length === 0) {
    throw new ValidationFailedException({ non_field_errors: ['load_tasks: No tasks added'] });
  }
  if (items.length > maxTasks) {
    throw new ValidationFailedException({
      non_field_errors: [
        `Maximum task number is ${maxTasks}, current task number is ${items.length}`,
      ],
    });
  }
  return items;
}

function problemsOf(item: unknown, dataTypes: Record<string, string>): ValidationErrors {
  if (!isObject(item)) return { data: ['Task item should be dict'] };
  const envelope = isObject(item.data);
  const data = envelope ? item.data : item;
  const problems: ValidationErrors = {};
  const dataProblems = taskDataProblems(data, dataTypes);
  if (dataProblems.length > 0) problems.data = dataProblems;
  if (!envelope) return problems;
  for (const field of ['annotations', 'predictions'] as const) {
    const list = item[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems[field] = [`"${field}" must be a list`];
      continue;
    }
    const bad = list.findIndex(
      (entry) =>
        !isObject(entry) ||
        entry.result === undefined ||
        (field === 'annotations' && !Array.isArray(entry.result)),
    );
    if (bad >= 0) {
      const noun = field === 'annotations' ? 'Annotation' : 'Prediction';
      problems[field] = [
        `${noun} ${bad} must have a "result" field${noun === 'Annotation' ? ' that is a list' : ''}`,
      ];
    }
  }
  return problems;
}

/**
 * The items as task envelopes, or a 400 listing, by item index, every problem: a data key the
 * label config reads missing or of the wrong kind, annotations or predictions without a result.
 * Nothing is imported when any item is invalid.
 */
export function checkedItems(items: unknown[], dataTypes: Record<string, string>): ImportItem[] {
  const errors: ValidationErrors = {};
  let listed = 0;
  let unlisted = 0;
  items.forEach((item, index) => {
    for (const [field, messages] of Object.entries(problemsOf(item, dataTypes))) {
      if (listed >= MAX_LISTED_PROBLEMS) {
        unlisted += 1;
        continue;
      }
      errors[`[${index}].${field}`] = messages.map(
        (message) => `Error at item ${index}: ${message}`,
      );
      listed += 1;
    }
  });
  if (listed > 0) {
    if (unlisted > 0) errors.non_field_errors = [`... and ${unlisted} more problems`];
    throw new ValidationFailedException(errors);
  }
  return items.map((item) => {
    const object = item as Record<string, unknown>;
    if (!isObject(object.data))
      return { data: object, meta: null, annotations: [], predictions: [] };
    return {
      data: object.data,
      meta: isObject(object.meta) ? object.meta : null,
      annotations: (object.annotations as ImportedAnnotation[] | undefined) ?? [],
      predictions: (object.predictions as ImportedPrediction[] | undefined) ?? [],
    };
  });
}
