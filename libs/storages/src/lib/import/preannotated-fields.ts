import { controlNamed, ParsedLabelConfig } from '@ls/projects';
import { ImportedPrediction } from './task-items';

/** Controls whose value holds one item rather than a list. */
const SINGLE_VALUE_TYPES = new Set(['rating', 'number', 'datetime']);

const PREANNOTATED_MODEL_VERSION = 'preannotated';

function valueOf(type: string, raw: unknown): Record<string, unknown> {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    return raw as Record<string, unknown>;
  }
  if (SINGLE_VALUE_TYPES.has(type)) return { [type]: raw };
  const key = type === 'textarea' ? 'text' : type;
  return { [key]: Array.isArray(raw) ? raw : [raw] };
}

/**
 * `preannotated_from_fields`: each listed data key leaves the task data and becomes a result of
 * the control with the same name, in one prediction. A problem is returned as its message.
 */
export function preannotationOf(
  data: Record<string, unknown>,
  fields: string[],
  labelConfig: ParsedLabelConfig,
): { data: Record<string, unknown>; prediction: ImportedPrediction } | string {
  const rest = { ...data };
  const result: unknown[] = [];
  for (const field of fields) {
    const control = controlNamed(labelConfig, field);
    if (!control) return `preannotated field "${field}" is not a control of the label config`;
    if (!Object.hasOwn(data, field)) {
      return `preannotated field "${field}" is missing from the task data`;
    }
    const type = control.type.toLowerCase();
    result.push({
      from_name: field,
      to_name: control.to_name[0],
      type,
      value: valueOf(type, data[field]),
    });
    delete rest[field];
  }
  return {
    data: rest,
    prediction: { result, score: 1.0, model_version: PREANNOTATED_MODEL_VERSION },
  };
}
