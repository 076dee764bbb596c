import type { ParsedLabelConfig } from '@ls/projects';
import type { SkillName } from '../prompts/prompt-skills';

/** The control a run's answers fill, read from the project's label config. */
export interface OutputTarget {
  skill: SkillName;
  fromName: string;
  toName: string;
  /** The task data key the control's Text object shows (the text NER offsets index). */
  field: string;
  labels: string[];
}

/** A model answer that cannot become a prediction; the message is the task's failure. */
export class InvalidAnswerError extends Error {}

const CONTROL_OF: Record<SkillName, string> = {
  TextClassification: 'Choices',
  NamedEntityRecognition: 'Labels',
};

/** The first control of the skill's kind on a Text object; null when the config has none. */
export function outputTarget(
  config: ParsedLabelConfig | null | undefined,
  skill: SkillName,
): OutputTarget | null {
  for (const [fromName, control] of Object.entries(config ?? {})) {
    if (control.type !== CONTROL_OF[skill]) continue;
    const index = control.inputs.findIndex((input) => input.type === 'Text' && input.value);
    if (index < 0) continue;
    return {
      skill,
      fromName,
      toName: control.to_name[index] ?? control.to_name[0],
      field: control.inputs[index].value as string,
      labels: control.labels,
    };
  }
  return null;
}

/** The JSON schema the provider is asked to answer with. */
export function answerSchema(target: OutputTarget, classes: string[]): Record<string, unknown> {
  const allowed = classes.filter((label) => target.labels.includes(label));
  const labels = allowed.length > 0 ? allowed : target.labels;
  if (target.skill === 'TextClassification') {
    return {
      type: 'object',
      properties: { label: { type: 'string', enum: labels } },
      required: ['label'],
      additionalProperties: false,
    };
  }
  return {
    type: 'object',
    properties: {
      entities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            start: { type: 'integer' },
            end: { type: 'integer' },
            text: { type: 'string' },
            label: { type: 'string', enum: labels },
          },
          required: ['start', 'end', 'text', 'label'],
          additionalProperties: false,
        },
      },
    },
    required: ['entities'],
    additionalProperties: false,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The prediction result (Label Studio's region format) for an answer, checked against the label
 * config and, for NER, against the task's text: a span whose `text` is not `data[field]` between
 * its offsets is refused.
 */
export function resultOfAnswer(
  target: OutputTarget,
  answer: unknown,
  data: Record<string, unknown>,
): Record<string, unknown>[] {
  if (!isObject(answer)) throw new InvalidAnswerError('The model answer is not a JSON object.');
  const region = { from_name: target.fromName, to_name: target.toName, origin: 'prediction' };
  if (target.skill === 'TextClassification') {
    const label = answer.label;
    if (typeof label !== 'string' || !target.labels.includes(label)) {
      throw new InvalidAnswerError(
        `The model answered the label ${JSON.stringify(label)}, not one of the config's: ${target.labels.join(', ')}.`,
      );
    }
    return [{ ...region, type: 'choices', value: { choices: [label] } }];
  }
  const entities = answer.entities;
  if (!Array.isArray(entities)) {
    throw new InvalidAnswerError('The model answer has no "entities" list.');
  }
  const text = data[target.field];
  if (typeof text !== 'string') {
    throw new InvalidAnswerError(`The task has no text in its "${target.field}" field.`);
  }
  return entities.map((entity, index) => {
    const span = spanOf(entity, index, target, text);
    return {
      ...region,
      type: 'labels',
      value: { start: span.start, end: span.end, text: span.text, labels: [span.label] },
    };
  });
}

function spanOf(entity: unknown, index: number, target: OutputTarget, text: string) {
  if (!isObject(entity)) throw new InvalidAnswerError(`Entity ${index} is not an object.`);
  const { start, end, label } = entity;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new InvalidAnswerError(`Entity ${index} has no integer start and end.`);
  }
  const [from, to] = [start as number, end as number];
  if (from < 0 || to <= from || to > text.length) {
    throw new InvalidAnswerError(`Entity ${index}: offsets ${from}-${to} are outside the text.`);
  }
  if (typeof label !== 'string' || !target.labels.includes(label)) {
    throw new InvalidAnswerError(
      `Entity ${index} has the label ${JSON.stringify(label)}, not one of the config's: ${target.labels.join(', ')}.`,
    );
  }
  if (entity.text !== text.slice(from, to)) {
    throw new InvalidAnswerError(
      `Entity ${index}: ${JSON.stringify(entity.text)} is not the text at ${from}-${to} (${JSON.stringify(text.slice(from, to))}).`,
    );
  }
  return { start: from, end: to, text: entity.text as string, label };
}

/**
 * What a result says on `target`'s control, comparable between a prediction and an annotation:
 * the chosen classes, or the `start:end:label` of each span.
 */
export function itemsOf(target: OutputTarget, result: unknown): Set<string> {
  const items = new Set<string>();
  if (!Array.isArray(result)) return items;
  for (const region of result as Record<string, unknown>[]) {
    if (!isObject(region) || region.from_name !== target.fromName || !isObject(region.value)) {
      continue;
    }
    const value = region.value;
    if (target.skill === 'TextClassification') {
      for (const choice of (value.choices as unknown[]) ?? []) items.add(String(choice));
    } else {
      for (const label of (value.labels as unknown[]) ?? []) {
        items.add(`${String(value.start)}:${String(value.end)}:${String(label)}`);
      }
    }
  }
  return items;
}

/** A prediction agrees with the ground truth when both say exactly the same. */
export function agrees(predicted: Set<string>, truth: Set<string>): boolean {
  return predicted.size === truth.size && [...predicted].every((item) => truth.has(item));
}
