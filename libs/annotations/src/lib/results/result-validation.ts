import { controlNamed } from '@ls/projects';
import type { ParsedControl, ParsedLabelConfig } from '@ls/projects';

/** Item types that link regions or carry free input rather than one control's labels. */
const FREE_TYPES = new Set(['relation', 'pairwise']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a control of type `controlType` produces items of `itemType` (regions may be split). */
function typeMatches(controlType: string, itemType: string): boolean {
  const type = controlType.toLowerCase();
  return type === itemType || type === `${itemType}labels` || itemType === 'labels';
}

/** The values an item picks from its control's labels, when its type is a choice of labels. */
function pickedValues(item: Record<string, unknown>): unknown[] | undefined {
  const type = String(item.type);
  if (type !== 'choices' && !type.endsWith('labels')) return undefined;
  const value =
    isObject(item.value) && Object.hasOwn(item.value, type) ? item.value[type] : undefined;
  return Array.isArray(value) ? value : undefined;
}

function labelProblem(
  fromName: string,
  control: ParsedControl,
  picked: unknown[],
): string | undefined {
  if (control.dynamic_labels || control.labels.length === 0) return undefined;
  const unknown = picked.filter(
    (value) => typeof value !== 'string' || !control.labels.includes(value),
  );
  if (unknown.length === 0) return undefined;
  const listed = unknown.map((value) => JSON.stringify(value)).join(', ');
  return `${listed} not among the labels of "${fromName}"`;
}

/**
 * What is wrong with `result` for a project with `config`, one message per bad item (empty when
 * it fits): every item names a control of the config, one of that control's objects, a type the
 * control produces, and only labels the control has unless its labels are dynamic.
 */
export function resultProblems(result: unknown[], config: ParsedLabelConfig): string[] {
  const problems: string[] = [];
  result.forEach((entry, index) => {
    const at = `result[${index}]`;
    if (!isObject(entry)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const type = entry.type;
    if (typeof type === 'string' && FREE_TYPES.has(type)) return;
    const { from_name: fromName, to_name: toName } = entry;
    if (typeof fromName !== 'string' || typeof toName !== 'string' || typeof type !== 'string') {
      problems.push(`${at} needs string "from_name", "to_name" and "type"`);
      return;
    }
    const control = controlNamed(config, fromName);
    if (!control) {
      problems.push(`${at}: from_name "${fromName}" is not a control of the label config`);
      return;
    }
    if (!control.to_name.includes(toName)) {
      problems.push(`${at}: to_name "${toName}" is not an object of control "${fromName}"`);
      return;
    }
    if (!typeMatches(control.type, type)) {
      problems.push(`${at}: type "${type}" does not match control "${fromName}" (${control.type})`);
      return;
    }
    const picked = pickedValues(entry);
    const wrongLabels = picked && labelProblem(fromName, control, picked);
    if (wrongLabels) problems.push(`${at}: ${wrongLabels}`);
  });
  return problems;
}
