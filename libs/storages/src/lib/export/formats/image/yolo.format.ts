import type {
  ConversionContext,
  ConverterItem,
  ExportConfig,
  ExportFormat,
  ExportFormatName,
  ExportOutput,
} from '../export-format';
import {
  CategoryTable,
  configCategories,
  keypointOrder,
  yoloKeypointCategories,
} from './categories';
import { GroupedFileWriter } from './grouped-file-writer';
import { imageUrlOf, ImageFetcher, isCloudStorageUri } from './image-files';
import { imageDataKey } from './availability';
import { withoutExtension } from '../python-text';
import { valuesOf } from './region-values';
import { yoloLabelFile, yoloPoseFile } from './yolo-lines';

export interface YoloVariant {
  name: ExportFormatName;
  title: string;
  description: string;
  tags: string[];
  oriented: boolean;
  withImages: boolean;
  supports(config: ExportConfig): boolean;
}

/** Label file names keep 251 characters of the image name (255 with `.txt`), as the SDK. */
const MAX_LABEL_NAME = 255 - 4;

function labelPathOf(imageName: string): string {
  const name = Array.from(withoutExtension(imageName)).slice(0, MAX_LABEL_NAME).join('');
  return `labels/${name}.txt`;
}

function hasKeypoints(config: ExportConfig): boolean {
  return Object.values(config.controls).some((control) => control.type === 'KeyPointLabels');
}

/** What the label file of an item holds, by the project's kind (boxes and polygons, or poses). */
type LabelFileOf = (item: ConverterItem) => string;

function labelFileWriter(config: ExportConfig, oriented: boolean): [CategoryTable, LabelFileOf] {
  if (hasKeypoints(config)) {
    const categories = yoloKeypointCategories(config.controls);
    const order = keypointOrder(config.controls);
    return [categories, (item) => yoloPoseFile(valuesOf(item), categories, order)];
  }
  const categories = new CategoryTable(configCategories(config.controls));
  return [categories, (item) => yoloLabelFile(valuesOf(item), categories, oriented)];
}

async function writeLabelFiles(
  items: () => AsyncIterable<ConverterItem>,
  context: ConversionContext,
  output: ExportOutput,
  labelFileOf: LabelFileOf,
): Promise<void> {
  const dataKey = imageDataKey(context.config);
  const images = new ImageFetcher(context, output);
  const labelFiles = new GroupedFileWriter(output);
  for await (const item of items()) {
    const url = imageUrlOf(item, dataKey);
    if (url === null) continue;
    const image = await images.fetch(url);
    // A cloud image that could not be downloaded gets no label file, so no label lacks its image.
    if (context.downloadResources && !image.downloaded && isCloudStorageUri(url)) continue;
    const path = labelPathOf(image.name);
    if (valuesOf(item).length === 0) await labelFiles.offer(path, '', false);
    else await labelFiles.offer(path, labelFileOf(item), true);
  }
  await labelFiles.flush();
}

function notesOf(categories: CategoryTable, now: Date): string {
  const info = { year: now.getUTCFullYear(), version: '1.0', contributor: 'Label Studio' };
  return JSON.stringify({ categories: categories.categories, info }, null, 2);
}

/** YOLO (and YOLO OBB): `labels/<image>.txt` per image, `classes.txt`, `notes.json`, `images/`. */
export function yoloFormat(variant: YoloVariant): ExportFormat {
  return {
    name: variant.name,
    title: variant.title,
    description: variant.description,
    link: 'https://labelstud.io/guide/export.html#YOLO',
    tags: variant.tags,
    supports: variant.supports,
    keepsRegionIds: (config) =>
      Object.values(config.controls).some((control) => control.type === 'KeyPointLabels'),
    async convert(items, context, output) {
      const effective = variant.withImages ? { ...context, downloadResources: true } : context;
      const [categories, labelFileOf] = labelFileWriter(context.config, variant.oriented);
      await writeLabelFiles(items, effective, output, labelFileOf);
      const classes = categories.categories.map((category) => `${category.name}\n`).join('');
      await output.add('classes.txt', classes);
      await output.add('notes.json', notesOf(categories, context.now));
    },
  };
}
