import { LabelConfigError } from './label-config.error';
import { holdsFreeHtml, isKnownTag } from './known-tags';
import { MAX_LABEL_CONFIG_TARGETS } from './label-config-limits';
import { isControlTag, isObjectTag, splitNames } from './tags';
import { walk, XmlElement } from './xml-tree';

/** Attributes Label Studio's schema requires of a few tags. */
const REQUIRED_ATTRIBUTES = new Map([
  ['Choices', ['name', 'toName']],
  ['Labels', ['name', 'toName']],
  ['TextArea', ['name', 'toName']],
]);

const OBJECTS_NEEDING_VALUE = new Set(['Image', 'Text', 'HyperText']);

/** Whether a Choices / Labels has somewhere to take its options from, below it in the tree. */
type OptionSources = { choices: boolean; labels: boolean };

/**
 * What lies below each Choices and Labels, gathered in one bottom-up pass: asking each of them
 * would walk nested ones again and again.
 */
function optionSourcesBelow(root: XmlElement): Map<XmlElement, OptionSources> {
  const found = new Map<XmlElement, OptionSources>();
  const visit = (element: XmlElement): OptionSources => {
    const below = { choices: false, labels: false };
    for (const child of element.children) {
      const inner = visit(child);
      below.choices ||= inner.choices || child.tag === 'Choice' || child.tag === 'View';
      below.labels ||= inner.labels || child.tag === 'Label' || child.tag === 'View';
    }
    if (element.tag === 'Choices' || element.tag === 'Labels') found.set(element, below);
    return below;
  };
  visit(root);
  return found;
}

function checkSchema(element: XmlElement, optionSources: Map<XmlElement, OptionSources>): void {
  const fail = (message: string) => {
    throw new LabelConfigError(`Validation failed on ${element.path}: ${message}`);
  };
  for (const attribute of REQUIRED_ATTRIBUTES.get(element.tag) ?? []) {
    if (element.attributes[attribute] === undefined) fail(`'${attribute}' is a required property`);
  }
  if (OBJECTS_NEEDING_VALUE.has(element.tag)) {
    if (element.attributes.name === undefined) fail(`'name' is a required property`);
    const { value, valueList } = element.attributes;
    if (value === undefined && valueList === undefined) fail(`'value' is a required property`);
  }
  const sources = optionSources.get(element);
  if (sources) {
    const choices = element.tag === 'Choices';
    const hasOptions = choices ? sources.choices : sources.labels;
    if (!hasOptions && element.attributes.value === undefined) {
      const childTag = choices ? 'Choice' : 'Label';
      fail(`<${element.tag}> needs <${childTag}> children or a value="$field" for dynamic labels`);
    }
  }
}

function checkKnownTags(root: XmlElement): void {
  // The inline HTML of a HyperText is not config tags.
  for (const element of walk(root, (parent) => !holdsFreeHtml(parent.tag))) {
    if (!isKnownTag(element.tag)) {
      throw new LabelConfigError(
        `Unknown tag <${element.tag}> at ${element.path}: the Label Studio editor cannot show it`,
      );
    }
  }
}

/** Counted before any toName is split, so a hostile list costs no more than one at the cap. */
function checkTargetCount(elements: XmlElement[]): void {
  let targets = 0;
  for (const element of elements) {
    const toName = element.attributes.toName;
    if (toName === undefined) continue;
    for (let comma = toName.indexOf(','); comma !== -1; comma = toName.indexOf(',', comma + 1)) {
      targets += 1;
    }
    targets += 1;
    if (targets > MAX_LABEL_CONFIG_TARGETS) {
      throw new LabelConfigError(
        `Label config names too many toName targets, at most ${MAX_LABEL_CONFIG_TARGETS} are allowed in all (reached on <${element.tag}> at ${element.path})`,
      );
    }
  }
}

/** An element a control may label: an object tag (a self-referencing one such as Chat counts). */
function showsData(target: XmlElement): boolean {
  if (!isObjectTag(target)) return false;
  if (!isControlTag(target)) return true;
  return splitNames(target.attributes.toName).includes(target.attributes.name);
}

function checkControlTargets(elements: XmlElement[]): void {
  const byName = new Map<string, XmlElement>();
  for (const element of elements) {
    const name = element.attributes.name;
    if (name !== undefined && !byName.has(name)) byName.set(name, element);
  }
  for (const control of elements.filter(isControlTag)) {
    const ownName = control.attributes.name;
    for (const target of splitNames(control.attributes.toName)) {
      // ReactCode and Chat point at themselves to produce results without another control.
      if (target === ownName) continue;
      const element = byName.get(target);
      if (element === undefined || showsData(element)) continue;
      throw new LabelConfigError(
        `<${control.tag} name="${ownName}"> has toName="${target}", which is a <${element.tag}>, not an object tag that shows data`,
      );
    }
  }
}

/**
 * The checks Label Studio makes before saving a config, in its order; the first failure is thrown
 * as a {@link LabelConfigError}. Stricter than Label Studio's API in two ways, both of which the
 * editor would otherwise fail on when the project is opened: tags the editor does not know, and
 * controls whose toName names something that is not an object tag.
 */
export function validateLabelConfig(root: XmlElement): void {
  if (root.tag !== 'View') {
    throw new LabelConfigError(`The root tag of a label config must be <View>, not <${root.tag}>`);
  }
  checkKnownTags(root);
  const elements = [...walk(root)];
  checkTargetCount(elements);
  const optionSources = optionSourcesBelow(root);
  for (const element of elements) checkSchema(element, optionSources);

  const names = new Set<string>();
  for (const element of elements) {
    const name = element.attributes.name;
    if (name === undefined) continue;
    if (names.has(name)) {
      throw new LabelConfigError(`Label config contains non-unique names: "${name}" is used twice`);
    }
    names.add(name);
  }

  for (const element of elements) {
    const toName = element.attributes.toName;
    if (toName === undefined) continue;
    for (const target of splitNames(toName)) {
      if (!names.has(target)) {
        const sortedNames = [...names].sort();
        throw new LabelConfigError(
          `toName="${target}" not found in names: [${sortedNames.map((n) => `'${n}'`).join(', ')}] (on <${element.tag} name="${element.attributes.name ?? ''}">)`,
        );
      }
    }
  }
  checkControlTargets(elements);
}
