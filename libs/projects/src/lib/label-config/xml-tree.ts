import { LabelConfigError } from './label-config.error';
import { assertWithinByteCap, DEFAULT_LABEL_CONFIG_MAX_BYTES } from './label-config-limits';
import { XmlElement } from './xml-element';
import { scanXml } from './xml-scanner';

export type { XmlElement } from './xml-element';

/**
 * The element tree of a config. Text and comments are dropped; DTDs and entity declarations are
 * refused (they are how XML parsers get attacked, and no config needs them). A config over
 * `maxBytes` (UTF-8) is refused before any of it is read.
 */
export function parseXmlTree(
  config: unknown,
  maxBytes: number = DEFAULT_LABEL_CONFIG_MAX_BYTES,
): XmlElement {
  if (typeof config !== 'string') throw new LabelConfigError('can only parse strings');
  assertWithinByteCap(config, maxBytes);
  const roots = scanXml(config);
  if (roots.length !== 1)
    throw new LabelConfigError('A label config has exactly one root tag, <View>');
  return roots[0];
}

/**
 * Every element of the tree, parents before children, in document order; below only the elements
 * `descendInto` accepts (default: all).
 */
export function* walk(
  element: XmlElement,
  descendInto: (parent: XmlElement) => boolean = () => true,
): Generator<XmlElement> {
  // A stack rather than recursion: nested generators would cost each element its depth.
  const pending = [element];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    yield next;
    if (!descendInto(next)) continue;
    for (let index = next.children.length - 1; index >= 0; index -= 1) {
      pending.push(next.children[index]);
    }
  }
}
