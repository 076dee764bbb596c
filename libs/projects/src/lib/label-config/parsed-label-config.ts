import { LabelConfigError } from './label-config.error';
import { MAX_LABEL_CONFIG_INPUT_CHARS } from './label-config-limits';
import { setOwn } from './own-property';
import {
  CLASSIFICATION_CONTROLS,
  isControlTag,
  isObjectTag,
  LABEL_TAGS,
  REGION_CONTROLS,
  splitNames,
} from './tags';
import { walk, XmlElement } from './xml-tree';

/**
 * One object a control reads: `value` names its data key, or `valueList` for an object that
 * shows a list of items (a multi-image `<Image valueList="$images">`), as Label Studio has them.
 */
export interface ControlInput {
  type: string;
  valueType: string | null;
  value?: string;
  valueList?: string;
}

/** The task data key an object reads, whether one item (`value`) or a list (`valueList`). */
export function inputDataKey(input: ControlInput): string {
  return input.value ?? input.valueList ?? '';
}

export type Conditional = { type: 'tag' | 'label' | 'choice'; name: string };

/** One control tag, as Label Studio describes it in `parsed_label_config`. */
export interface ParsedControl {
  type: string;
  to_name: string[];
  inputs: ControlInput[];
  labels: string[];
  labels_attrs: Record<string, Record<string, string>>;
  dynamic_labels?: true;
  conditionals?: Conditional;
}

export type ParsedLabelConfig = Record<string, ParsedControl>;

export interface ControlWeight {
  type: string;
  labels: Record<string, number>;
  overall: number;
}

const stripDollar = (value: string) => (value.startsWith('$') ? value.slice(1) : value);

/** Label children belong to the nearest control above them, through nested Views. */
function labelsOf(control: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (LABEL_TAGS.has(child.tag)) found.push(child);
      if (!isControlTag(child)) visit(child);
    }
  };
  visit(control);
  return found;
}

function conditionalOf(control: XmlElement): Conditional | undefined {
  const { perRegion, whenTagName, whenLabelValue, whenChoiceValue } = control.attributes;
  if (perRegion !== 'true') return undefined;
  if (whenTagName) return { type: 'tag', name: whenTagName };
  if (whenLabelValue) return { type: 'label', name: whenLabelValue };
  if (whenChoiceValue) return { type: 'choice', name: whenChoiceValue };
  return undefined;
}

function inputOf(object: XmlElement): ControlInput {
  const { value, valueList, valueType } = object.attributes;
  const input: ControlInput = { type: object.tag, valueType: valueType ?? null };
  if (value !== undefined || valueList === undefined) input.value = stripDollar(value ?? '');
  else input.valueList = stripDollar(valueList);
  return input;
}

/** The objects a control reads, in toName order, charged against the budget of copied values. */
function inputsOf(
  toName: string[],
  objects: Map<string | undefined, XmlElement>,
  budget: { chars: number },
): ControlInput[] {
  const inputs: ControlInput[] = [];
  for (const name of toName) {
    const object = objects.get(name);
    if (object === undefined) continue;
    const input = inputOf(object);
    budget.chars -= inputDataKey(input).length;
    if (budget.chars < 0) {
      throw new LabelConfigError(
        `Label config makes parsed_label_config too large: its controls' toName targets repeat more than ${MAX_LABEL_CONFIG_INPUT_CHARS} characters of object values`,
      );
    }
    inputs.push(input);
  }
  return inputs;
}

/** `parsed_label_config`: every control with its objects and labels, keyed by control name. */
export function parseControls(root: XmlElement): ParsedLabelConfig {
  const elements = [...walk(root)];
  const objects = new Map(
    elements.filter(isObjectTag).map((element) => [element.attributes.name, element]),
  );
  const budget = { chars: MAX_LABEL_CONFIG_INPUT_CHARS };
  const parsed: ParsedLabelConfig = {};
  for (const control of elements.filter(isControlTag)) {
    const toName = splitNames(control.attributes.toName);
    const labels: string[] = [];
    const labelsAttrs: Record<string, Record<string, string>> = {};
    for (const label of labelsOf(control)) {
      const key = label.attributes.alias ?? label.attributes.value;
      if (key === undefined || Object.hasOwn(labelsAttrs, key)) continue;
      labels.push(key);
      setOwn(labelsAttrs, key, { ...label.attributes });
    }
    const entry: ParsedControl = {
      type: control.tag,
      to_name: toName,
      inputs: inputsOf(toName, objects, budget),
      labels,
      labels_attrs: labelsAttrs,
    };
    const { value, apiUrl } = control.attributes;
    if (value?.startsWith('$') || apiUrl !== undefined) entry.dynamic_labels = true;
    const conditional = conditionalOf(control);
    if (conditional) entry.conditionals = conditional;
    setOwn(parsed, control.attributes.name, entry);
  }
  return parsed;
}

/** `data_types`: the task data keys the config reads, with the object tag that shows each. */
export function extractDataTypes(root: XmlElement): Record<string, string> {
  const dataTypes: Record<string, string> = {};
  for (const element of walk(root)) {
    const { name, value } = element.attributes;
    if (name === undefined || value === undefined) continue;
    const key = value.startsWith('$') ? value.slice(1) : /\$(\w+)/.exec(value)?.[1];
    if (!key) continue;
    // Video and Audio may read the same URL; the column is then a video.
    if (dataTypes[key] === 'Video') continue;
    setOwn(dataTypes, key, element.tag);
  }
  return dataTypes;
}

/** Whether one set of answers can be applied to many tasks at once (no regions, no per-item controls). */
export function isSuitableForBulkAnnotation(root: XmlElement): boolean {
  for (const element of walk(root)) {
    if (!isControlTag(element)) continue;
    const { perRegion, perItem, value, labeling, apiUrl } = element.attributes;
    if (REGION_CONTROLS.has(element.tag)) return false;
    if (CLASSIFICATION_CONTROLS.has(element.tag) && (perRegion === 'true' || perItem === 'true')) {
      return false;
    }
    if ((element.tag === 'Choices' || element.tag === 'Taxonomy') && value !== undefined)
      return false;
    if (element.tag === 'Taxonomy' && (labeling === 'true' || apiUrl !== undefined)) return false;
  }
  return true;
}

/** Default weights (1.0) for every control and label, keeping weights a user already set. */
export function controlWeightsFor(
  parsed: ParsedLabelConfig,
  current: Record<string, Partial<ControlWeight>> = {},
): Record<string, ControlWeight> {
  const weights: Record<string, ControlWeight> = {};
  for (const [name, control] of Object.entries(parsed)) {
    const previous = current[name];
    weights[name] = {
      type: control.type,
      labels: Object.fromEntries(
        control.labels.map((label) => [label, previous?.labels?.[label] ?? 1.0]),
      ),
      overall: previous?.overall ?? 1.0,
    };
  }
  return weights;
}
