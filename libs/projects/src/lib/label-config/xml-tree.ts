import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LabelConfigError } from './label-config.error';

export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Tags from the root down to this element, e.g. `View/View/Choices`. */
  path: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  allowBooleanAttributes: true,
});

function toElement(node: OrderedNode, parentPath: string): XmlElement | null {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (!tag || tag.startsWith('#') || tag.startsWith('?')) return null;
  const path = parentPath ? `${parentPath}/${tag}` : tag;
  const rawChildren = (node[tag] as OrderedNode[] | undefined) ?? [];
  return {
    tag,
    attributes: { ...(node[':@'] ?? {}) },
    children: rawChildren
      .map((child) => toElement(child, path))
      .filter((child): child is XmlElement => child !== null),
    path,
  };
}

/**
 * The element tree of a config. Comments are dropped; DTDs and entity declarations are refused
 * (they are how XML parsers get attacked, and no config needs them).
 */
export function parseXmlTree(config: unknown): XmlElement {
  if (typeof config !== 'string') throw new LabelConfigError('can only parse strings');
  if (/<!DOCTYPE|<!ENTITY/i.test(config)) {
    throw new LabelConfigError('DTDs and entity declarations are not allowed in a label config');
  }
  const check = XMLValidator.validate(config, { allowBooleanAttributes: true });
  if (check !== true) {
    throw new LabelConfigError(`${check.err.msg}: line ${check.err.line}, column ${check.err.col}`);
  }
  const roots = (parser.parse(config) as OrderedNode[])
    .map((node) => toElement(node, ''))
    .filter((node): node is XmlElement => node !== null);
  if (roots.length !== 1)
    throw new LabelConfigError('A label config has exactly one root tag, <View>');
  return roots[0];
}

/** Every element of the tree, parents before children. */
export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
