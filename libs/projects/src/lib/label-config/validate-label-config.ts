import { LabelConfigError } from './label-config.error';
import { splitNames } from './tags';
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

/**
 * The checks Label Studio makes before saving a config, in its order; the first failure is thrown
 * as a {@link LabelConfigError}. Unknown tags are accepted, as Label Studio's API accepts them.
 */
export function validateLabelConfig(root: XmlElement): void {
  if (root.tag !== 'View') {
    throw new LabelConfigError(`The root tag of a label config must be <View>, not <${root.tag}>`);
  }
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
}
