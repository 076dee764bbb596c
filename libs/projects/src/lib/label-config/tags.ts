import { XmlElement } from './xml-tree';

/** Child tags whose `alias` or `value` is a label of the nearest control above them. */
export const LABEL_TAGS = new Set(['Label', 'Choice', 'Relation']);

/** Controls that mark regions of an object: a config with one cannot be applied in bulk. */
export const REGION_CONTROLS = new Set([
  'Labels',
  'RectangleLabels',
  'Rectangle',
  'PolygonLabels',
  'Polygon',
  'KeyPointLabels',
  'KeyPoint',
  'EllipseLabels',
  'Ellipse',
  'BrushLabels',
  'Brush',
  'MagicWand',
  'BitmaskLabels',
  'Bitmask',
  'HyperTextLabels',
  'ParagraphLabels',
  'TimeSeriesLabels',
  'VideoRectangle',
  'Relations',
]);

/** Controls that classify the whole object unless they are per region or per item. */
export const CLASSIFICATION_CONTROLS = new Set([
  'Choices',
  'Taxonomy',
  'DateTime',
  'Number',
  'Rating',
  'TextArea',
]);

/** An object tag shows task data: it has a name and a `value` (or `valueList`). */
export function isObjectTag(element: XmlElement): boolean {
  const { name, value, valueList } = element.attributes;
  return name !== undefined && (value !== undefined || valueList !== undefined);
}

/** A control tag produces results: it has a name and a `toName`; `Filter` only filters the UI. */
export function isControlTag(element: XmlElement): boolean {
  const { name, toName } = element.attributes;
  return name !== undefined && toName !== undefined && element.tag !== 'Filter';
}

export const splitNames = (value: string) =>
  value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
