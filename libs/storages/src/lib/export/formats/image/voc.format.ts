import type { ConverterItem, ExportFormat, OutputValue } from '../export-format';
import { imageDataKey, supportsVoc } from './availability';
import { GroupedFileWriter } from './grouped-file-writer';
import { ImageFetcher, imageUrlOf } from './image-files';
import { withoutExtension } from '../python-text';
import { boxOf, firstLabel, SourceSize, sourceSizeOf, valuesOf } from './region-values';

/** XML text, escaped as Python's minidom writes it. */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/>/g, '&gt;');
}

/** An element with text, or with child elements each on its own line (minidom, no indent). */
function element(tag: string, content: string | string[]): string {
  if (typeof content === 'string') return `<${tag}>${escapeXml(content)}</${tag}>\n`;
  return `<${tag}>\n${content.join('')}</${tag}>\n`;
}

/** The annotator as the SDK names it: the email of an expanded user, else the id as text. */
function annotatorOf(item: ConverterItem): string {
  const annotator = item.completed_by;
  if (annotator !== null && typeof annotator === 'object') return annotator.email ?? '';
  return annotator === null ? 'None' : String(annotator);
}

/** A `<object>` per labelled box; pixel values truncated to integers, rotation ignored. */
function objectOf(value: OutputValue, size: SourceSize): string {
  const name = firstLabel(value, ['rectanglelabels']) ?? firstLabel(value, ['labels']);
  const box = boxOf(value);
  if (name === undefined || !box) return '';
  const xmin = Math.trunc((box.x / 100) * size.width);
  const ymin = Math.trunc((box.y / 100) * size.height);
  const width = Math.trunc((box.width / 100) * size.width);
  const height = Math.trunc((box.height / 100) * size.height);
  const bndbox = [
    element('xmin', String(xmin)),
    element('ymin', String(ymin)),
    element('xmax', String(xmin + width)),
    element('ymax', String(ymin + height)),
  ];
  return element('object', [
    element('name', name),
    element('pose', 'Unspecified'),
    element('truncated', '0'),
    element('difficult', '0'),
    element('bndbox', bndbox),
  ]);
}

interface VocImage {
  name: string;
  size: SourceSize;
  channels: number;
}

function annotationXml(item: ConverterItem, values: OutputValue[], image: VocImage): string {
  const source = [
    element('database', 'MyDatabase'),
    element('annotation', 'COCO2017'),
    element('image', 'flickr'),
    element('flickrid', 'NULL'),
    element('annotator', annotatorOf(item)),
  ];
  const size = [
    element('width', String(image.size.width)),
    element('height', String(image.size.height)),
    element('depth', String(image.channels)),
  ];
  const annotation = element('annotation', [
    element('folder', 'images'),
    element('filename', image.name),
    element('source', source),
    element('owner', [element('flickrid', 'NULL'), element('name', 'Label Studio')]),
    element('size', size),
    element('segmented', '0'),
    ...values.map((value) => objectOf(value, image.size)),
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${annotation}`;
}

/** Pascal VOC: `Annotations/<image>.xml` per annotated image, and `images/` when downloading. */
export const VOC_FORMAT: ExportFormat = {
  name: 'VOC',
  title: 'Pascal VOC XML',
  description: 'Popular XML format used for object detection and polygon image segmentation tasks.',
  link: 'https://labelstud.io/guide/export.html#Pascal-VOC-XML',
  tags: ['image segmentation', 'object detection'],
  supports: supportsVoc,
  async convert(items, context, output) {
    const dataKey = imageDataKey(context.config);
    const images = new ImageFetcher(context, output);
    const files = new GroupedFileWriter(output);
    for await (const item of items()) {
      const url = imageUrlOf(item, dataKey);
      if (url === null) continue;
      const fetched = await images.fetch(url);
      const values = valuesOf(item);
      // The SDK takes the image size from the first result, and skips the item without one.
      const size = values.length > 0 ? sourceSizeOf(values[0]) : undefined;
      if (!size) continue;
      const image = { name: fetched.name, size, channels: fetched.size?.channels ?? 3 };
      const path = `Annotations/${withoutExtension(fetched.name)}.xml`;
      await files.offer(path, annotationXml(item, values, image), true);
    }
    await files.flush();
  },
};
