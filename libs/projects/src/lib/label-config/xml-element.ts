export interface XmlElement {
  tag: string;
  /** A plain object (fast to copy); look names up with `Object.hasOwn` where they are data. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Tags from the root down to this element, e.g. `View/View/Choices`. */
  path: string;
}
