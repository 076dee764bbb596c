import { controlNamed } from '../control-named';
import type { ControlInput, ParsedLabelConfig } from '../label-config/parsed-label-config';
import type { LabelsInUse, ResultShapeUsage } from '../ports/label-usage';

/** Result types whose items are not tied to one control's labels. */
const SHAPES_NOT_CHECKED = new Set(['relation', 'pairwise', 'textarea']);

function producedBy(config: ParsedLabelConfig, shape: ResultShapeUsage): boolean {
  const control = controlNamed(config, shape.from_name);
  if (!control || !control.to_name.includes(shape.to_name)) return false;
  const type = control.type.toLowerCase();
  // A region may be stored split in two items: the shape ("rectangle") and its labels ("labels").
  return type === shape.type || type === `${shape.type}labels` || shape.type === 'labels';
}

/**
 * Why a new config cannot replace the current one on a project whose annotations use it, or
 * null when it can: every control, object and label in use must still exist. Additions are free.
 */
export function configChangeProblem(
  config: ParsedLabelConfig,
  shapes: ResultShapeUsage[],
  labels: LabelsInUse,
): string | null {
  const broken = shapes.filter(
    (shape) =>
      !SHAPES_NOT_CHECKED.has(shape.type) &&
      !(shape.type === 'chatmessage' && shape.from_name === shape.to_name) &&
      !producedBy(config, shape),
  );
  if (broken.length > 0) {
    return [
      'Created annotations are incompatible with provided labeling schema, we found:',
      ...broken.map(
        (s) => `${s.count} with from_name=${s.from_name}, to_name=${s.to_name}, type=${s.type}`,
      ),
    ].join('\n');
  }
  for (const [fromName, used] of labels) {
    const total = [...used.values()].reduce((sum, use) => sum + use.annotations, 0);
    const control = controlNamed(config, fromName);
    if (!control) {
      return `There are ${total} annotation(s) created with tag "${fromName}", you can't remove it`;
    }
    if (control.dynamic_labels) continue;
    const missing = [...used].filter(([label]) => !control.labels.includes(label));
    if (missing.length > 0) {
      const listed = missing
        .map(([label, use]) => `${label} (${use.annotations} annotations, ${use.drafts} drafts)`)
        .join(', ');
      return `These labels are still used by annotations of tag "${fromName}": ${listed}. Add them back to the tag "${fromName}".`;
    }
  }
  return null;
}

/** True when a control was added, changed type or objects, or lost a label. */
export function configEssentialDataHasChanged(
  next: ParsedLabelConfig,
  previous: ParsedLabelConfig,
): boolean {
  for (const [name, control] of Object.entries(next)) {
    const before = controlNamed(previous, name);
    if (!before || before.type !== control.type) return true;
    if (!sameInputs(before.inputs, control.inputs)) return true;
    if (before.labels.some((label) => !control.labels.includes(label))) return true;
  }
  return false;
}

/**
 * Whether two controls read the same objects. Field by field, not as JSON text: PostgreSQL's
 * `jsonb` gives back a stored config's keys in an order of its own.
 */
function sameInputs(before: ControlInput[], after: ControlInput[]): boolean {
  return (
    before.length === after.length &&
    before.every(
      (input, index) =>
        input.type === after[index].type &&
        input.value === after[index].value &&
        input.valueList === after[index].valueList &&
        (input.valueType ?? null) === (after[index].valueType ?? null),
    )
  );
}
