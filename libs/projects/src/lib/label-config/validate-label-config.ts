import { LabelConfigError } from './label-config.error';
import { holdsFreeHtml, isKnownTag } from './known-tags';
import { isControlTag, isObjectTag, splitNames } from './tags';
import { walk, XmlElement } from './xml-tree';

/** Attributes Label Studio's schema requires of a few tags. */
const REQUIRED_ATTRIBUTES: Record<string, string[]> = {
  Choices: ['name', 'toName'],
  Labels: ['name', 'toName'],
  TextArea: ['name', 'toName'],
};

const OBJECTS_NEEDING_VALUE = new Set(['Image', 'Text', 'HyperText']);

function checkSchema(element: XmlElement): void {
  const fail = (message: string) => {
    throw new LabelConfigError(`Validation failed on ${element.path}: ${message}`);
  };
  for (const attribute of REQUIRED_ATTRIBUTES[element.tag] ?? []) {
    if (element.attributes[attribute] === undefined) fail(`'${attribute}' is a required property`);
  }
  if (OBJECTS_NEEDING_VALUE.has(element.tag)) {
    if (element.attributes.name === undefined) fail(`'name' is a required property`);
    const { value, valueList } = element.attributes;
    if (value === undefined && valueList === undefined) fail(`'value' is a required property`);
  }
  if (element.tag === 'Choices' || element.tag === 'Labels') {
    const childTag = element.tag === 'Choices' ? 'Choice' : 'Label';
    const hasOptions = [...walk(element)].some(
      (descendant) => descendant.tag === childTag || descendant.tag === 'View',
    );
    if (!hasOptions && element.attributes.value === undefined) {
      fail(`<${element.tag}> needs <${childTag}> children or a value="$field" for dynamic labels`);
    }
  }
}

/** Every element below `element` that is a config tag (the inline HTML of a HyperText is not). */
function* configTags(element: XmlElement): Generator<XmlElement> {
  yield element;
  if (holdsFreeHtml(element.tag)) return;
  for (const child of element.children) yield* configTags(child);
}

function checkKnownTags(root: XmlElement): void {
  for (const element of configTags(root)) {
    if (!isKnownTag(element.tag)) {
      throw new LabelConfigError(
        `Unknown tag <${element.tag}> at ${element.path}: the Label Studio editor cannot show it`,
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
  elements.forEach(checkSchema);

  const names = new Set<string>();
  for (const element of elements) {
    const name = element.attributes.name;
    if (name === undefined) continue;
    if (names.has(name)) {
      throw new LabelConfigError(`Label config contains non-unique names: "${name}" is used twice`);
    }
    names.add(name);
  }

  const sortedNames = [...names].sort();
  for (const element of elements) {
    const toName = element.attributes.toName;
    if (toName === undefined) continue;
    for (const target of splitNames(toName)) {
      if (!names.has(target)) {
        throw new LabelConfigError(
          `toName="${target}" not found in names: [${sortedNames.map((n) => `'${n}'`).join(', ')}] (on <${element.tag} name="${element.attributes.name ?? ''}">)`,
        );
      }
    }
  }
  checkControlTargets(elements);
}
