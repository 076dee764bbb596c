import { ValidationErrors, ValidationFailedException } from '@ls/core';
import { ParsedLabelConfig } from '@ls/projects';
import { taskDataProblems } from '@ls/tasks';
import { UNDEFINED_DATA_KEY } from './formats/read-tasks';
import { preannotationOf } from './preannotated-fields';

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
  /** Position in the import, counted across files and batches. */
  index: number;
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
export function taskItemsOf(body: unknown): unknown[] {
  const items = Array.isArray(body) ? body : isObject(body) ? [body] : undefined;
  if (!items) {
    throw new ValidationFailedException({
      non_field_errors: ['load_tasks: No data found in DATA or in FILES'],
    });
  }
  return items;
}

export interface ItemRules {
  dataTypes: Record<string, string>;
  labelConfig: ParsedLabelConfig;
  /** Data keys turned into predictions (`preannotated_from_fields`). */
  preannotatedFields: string[];
}

/**
 * Checks the items of an import as they stream in, numbering them across batches: the data keys
 * the label config reads, present and of the right kind; annotations and predictions with a
 * `result`; preannotated fields present. Problems are kept by item index (`[3].data`), at most
 * {@link MAX_LISTED_PROBLEMS}; once one is found nothing more should be written.
 */
export class ItemChecker {
  private readonly errors: ValidationErrors = {};
  private listed = 0;
  private unlisted = 0;
  private seen = 0;
  private readonly firstDataKey: string | undefined;

  constructor(private readonly rules: ItemRules) {
    this.firstDataKey = Object.keys(rules.dataTypes)[0];
  }

  get failed(): boolean {
    return this.listed > 0;
  }

  get count(): number {
    return this.seen;
  }

  /** The batch as task envelopes; items with problems are recorded and left out. */
  check(batch: unknown[]): ImportItem[] {
    const accepted: ImportItem[] = [];
    for (const raw of batch) {
      const index = this.seen;
      this.seen += 1;
      const { item, problems } = this.envelopeOf(raw, index);
      if (Object.keys(problems).length === 0 && item) {
        accepted.push(item);
        continue;
      }
      for (const [field, messages] of Object.entries(problems)) {
        if (this.listed >= MAX_LISTED_PROBLEMS) {
          this.unlisted += 1;
          continue;
        }
        this.errors[`[${index}].${field}`] = messages.map(
          (message) => `Error at item ${index}: ${message}`,
        );
        this.listed += 1;
      }
    }
    return accepted;
  }

  /** The problems found so far, by item (`[3].data`). */
  problems(): ValidationErrors {
    return { ...this.errors };
  }

  /** Throws the 400 listing every problem found so far, if any. */
  assertValid(): void {
    if (!this.failed) return;
    const errors = { ...this.errors };
    if (this.unlisted > 0) errors.non_field_errors = [`... and ${this.unlisted} more problems`];
    throw new ValidationFailedException(errors);
  }

  private envelopeOf(
    raw: unknown,
    index: number,
  ): { item?: ImportItem; problems: ValidationErrors } {
    if (!isObject(raw)) return { problems: { data: ['Task item should be dict'] } };
    const envelope = 'data' in raw;
    if (envelope && !isObject(raw.data))
      return { problems: { data: ['Task item should be dict'] } };
    const item: ImportItem = envelope
      ? {
          index,
          data: this.withDataKey(raw.data as Record<string, unknown>),
          meta: isObject(raw.meta) ? raw.meta : null,
          annotations: (raw.annotations as ImportedAnnotation[] | undefined) ?? [],
          predictions: (raw.predictions as ImportedPrediction[] | undefined) ?? [],
        }
      : { index, data: this.withDataKey(raw), meta: null, annotations: [], predictions: [] };
    const problems: ValidationErrors = {};
    if (this.rules.preannotatedFields.length > 0) {
      const preannotation = preannotationOf(
        item.data,
        this.rules.preannotatedFields,
        this.rules.labelConfig,
      );
      if (typeof preannotation === 'string') problems.data = [preannotation];
      else {
        item.data = preannotation.data;
        item.predictions = [...item.predictions, preannotation.prediction];
      }
    }
    const dataProblems = taskDataProblems(item.data, this.rules.dataTypes);
    if (dataProblems.length > 0) problems.data = [...(problems.data ?? []), ...dataProblems];
    if (envelope) Object.assign(problems, listProblems(raw));
    return { item, problems };
  }

  /** A task made from a file alone names its value `$undefined$`: the config's data key. */
  private withDataKey(data: Record<string, unknown>): Record<string, unknown> {
    if (!Object.hasOwn(data, UNDEFINED_DATA_KEY) || !this.firstDataKey) return data;
    const { [UNDEFINED_DATA_KEY]: value, ...rest } = data;
    return { ...rest, [this.firstDataKey]: value };
  }
}

function listProblems(item: Record<string, unknown>): ValidationErrors {
  const problems: ValidationErrors = {};
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
