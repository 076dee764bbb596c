import { SaxesParser } from 'saxes';
import { LabelConfigError } from './label-config.error';
import {
  MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG,
  MAX_LABEL_CONFIG_DEPTH,
  MAX_LABEL_CONFIG_ELEMENTS,
} from './label-config-limits';
import { setOwn } from './own-property';
import { XmlElement } from './xml-element';

/** saxes starts its messages with `line:column: `; ours end with the position instead. */
const POSITION_PREFIX = /^\d+:\d+: /;

/** saxes' terse messages, said so that a person editing a config knows what to fix. */
function explained(message: string): string {
  const reason = message.replace(POSITION_PREFIX, '').replace(/\.$/, '');
  if (reason === 'unexpected close tag')
    return 'Closing tag does not match the tag opened before it';
  if (reason.startsWith('unmatched closing tag: ')) {
    return `Closing tag </${reason.slice(23)}> has no open tag`;
  }
  if (reason.startsWith('unclosed tag: ')) return `Tag <${reason.slice(14)}> is not closed`;
  if (reason === 'text data outside of root node') {
    return 'Text outside the root tag: a label config is XML, such as <View>…</View>';
  }
  if (reason === 'document must contain a root element') return 'Start tag expected';
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/**
 * The top-level elements of a document (a label config has one), with their subtrees, read by
 * saxes, a strict streaming XML parser: the document must be well-formed. Parsing stops at the
 * first tag over {@link MAX_LABEL_CONFIG_ELEMENTS}, deeper than {@link MAX_LABEL_CONFIG_DEPTH} or
 * with too many attributes, so a hostile document costs no more than one at the caps. DTDs are
 * refused, so no entity can be declared, let alone expanded; only XML's own five are known.
 */
export function scanXml(xml: string): XmlElement[] {
  const parser = new SaxesParser({ position: true });
  const fail = (message: string): never => {
    throw new LabelConfigError(`${message}: line ${parser.line}, column ${parser.column}`);
  };
  const roots: XmlElement[] = [];
  const open: XmlElement[] = [];
  let elements = 0;
  let attributes = 0;

  parser.on('doctype', () => {
    throw new LabelConfigError('DTDs and entity declarations are not allowed in a label config');
  });
  parser.on('opentagstart', (tag) => {
    elements += 1;
    attributes = 0;
    if (open.length + 1 > MAX_LABEL_CONFIG_DEPTH) {
      fail(
        `Label config nests tags too deeply, at most ${MAX_LABEL_CONFIG_DEPTH} levels are allowed`,
      );
    }
    if (elements > MAX_LABEL_CONFIG_ELEMENTS) {
      fail(`Label config has too many tags, at most ${MAX_LABEL_CONFIG_ELEMENTS} are allowed`);
    }
    const parent = open.at(-1);
    const element: XmlElement = {
      tag: tag.name,
      attributes: {},
      children: [],
      path: parent ? `${parent.path}/${tag.name}` : tag.name,
    };
    (parent?.children ?? roots).push(element);
    open.push(element);
  });
  parser.on('attribute', ({ name, value }) => {
    attributes += 1;
    const element = open.at(-1) as XmlElement;
    if (attributes > MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG) {
      fail(
        `Tag <${element.tag}> has too many attributes, at most ${MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG} are allowed`,
      );
    }
    setOwn(element.attributes, name, value.trim());
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('error', (error) => {
    if (error.message.endsWith('documents may contain only one root.')) {
      throw new LabelConfigError('A label config has exactly one root tag, <View>');
    }
    fail(explained(error.message));
  });

  parser.write(xml).close();
  if (roots.length === 0) fail('Start tag expected');
  return roots;
}
