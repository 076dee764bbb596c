/** A label config that cannot be used; the message says which tag or attribute and what is wrong. */
export class LabelConfigError extends Error {
  override readonly name = 'LabelConfigError';
}
