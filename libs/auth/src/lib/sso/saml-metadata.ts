import { SaxesParser } from 'saxes';

/** Largest metadata document read, pasted or fetched. */
export const MAX_METADATA_BYTES = 1024 * 1024;

class NotMetadata extends Error {}

/**
 * Whether `xml` is a well-formed XML document whose root element is a SAML `EntityDescriptor`
 * (any namespace prefix). Read by saxes, a strict non-validating parser; a DTD is refused, so
 * no entity can be declared or fetched.
 */
export function isEntityDescriptor(xml: string): boolean {
  const parser = new SaxesParser({ xmlns: true });
  let root: string | undefined;
  parser.on('doctype', () => {
    throw new NotMetadata('DTDs are not allowed');
  });
  parser.on('opentag', (tag) => {
    if (root === undefined) root = tag.local;
  });
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch {
    return false;
  }
  return root === 'EntityDescriptor';
}
