/**
 * Tag names the Label Studio editor (label-studio-frontend, `web/libs/editor/src/tags`) can show.
 * The editor lower-cases tag names before looking them up, so matching is case-insensitive.
 * The list errs on the generous side: a tag the editor knows must never be refused here.
 */

/** Layout and decoration: they show no task data and produce no results. */
export const VISUAL_TAGS = [
  'View',
  'Header',
  'Style',
  'Filter',
  'Collapse',
  'Panel',
  'Dialog',
  'Markdown',
  'Repeater',
  'PagedView',
  'ResizableView',
  'Html',
] as const;

/** Tags that show task data. */
export const OBJECT_TAGS = [
  'Image',
  'Text',
  'HyperText',
  'Audio',
  'AudioPlus',
  'Video',
  'TimeSeries',
  'Channel',
  'TimeSeriesChannel',
  'Paragraphs',
  'Table',
  'List',
  'PDF',
  'PdfOcr',
  'Chat',
  'Object3D',
  'GPSMap',
  'ReactCode',
  'Custom',
  'CustomInterface',
] as const;

/** Tags that produce results, and the children that give them their labels or options. */
export const CONTROL_TAGS = [
  'Choices',
  'Choice',
  'Labels',
  'Label',
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
  'VectorLabels',
  'Vector',
  'HyperTextLabels',
  'ParagraphLabels',
  'TimeSeriesLabels',
  'TimelineLabels',
  'VideoRectangle',
  'VideoVector',
  'VideoVectorLabels',
  'TableLabels',
  'OcrTokenLabels',
  'PdfLabels',
  'CubeLabels',
  'Cube',
  'TextArea',
  'Rating',
  'Number',
  'DateTime',
  'Taxonomy',
  'Pairwise',
  'Ranker',
  'Bucket',
  'Relations',
  'Relation',
  'Shortcut',
] as const;

const KNOWN = new Set(
  [...VISUAL_TAGS, ...OBJECT_TAGS, ...CONTROL_TAGS].map((tag) => tag.toLowerCase()),
);

/** Whether the editor has a model for this tag (case-insensitive, as the editor matches). */
export function isKnownTag(tag: string): boolean {
  return KNOWN.has(tag.toLowerCase());
}

/** Tags whose children are free HTML content, not config tags (`<HyperText>` inline HTML). */
export function holdsFreeHtml(tag: string): boolean {
  return tag.toLowerCase() === 'hypertext';
}
