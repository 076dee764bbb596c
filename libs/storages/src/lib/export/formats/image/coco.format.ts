import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type {
  ConversionContext,
  ConverterItem,
  ExportFormat,
  ExportFormatName,
  OutputValue,
} from '../export-format';
import { imageDataKey, supportsCocoOrYolo } from './availability';
import { CategoryTable, cocoCategories, keypointOrder } from './categories';
import {
  boxAnnotation,
  keypointAnnotation,
  polygonAnnotation,
  RegionPlacement,
  shapeOf,
} from './coco-annotations';
import { FetchedImage, ImageFetcher, imageUrlOf } from './image-files';
import { indentedJson, JsonArrayFile } from './json-array-file';
import { pythonDateTime } from '../python-text';
import { firstLabel, SourceSize, sourceSizeOf, valuesOf } from './region-values';

const CATEGORY_KEYS = ['rectanglelabels', 'polygonlabels', 'keypointlabels', 'labels'] as const;

/** The parts of `result.json` that grow with the export, kept in temporary files. */
interface CocoParts {
  images: JsonArrayFile;
  annotations: JsonArrayFile;
  categories: CategoryTable;
  keypointOrder: string[];
}

/** The image entry's `file_name`: in `images/`, or the URL when a download failed. */
function fileNameOf(image: FetchedImage, url: string, context: ConversionContext): string {
  if (image.downloaded || !context.downloadResources) return `images/${image.name}`;
  return url;
}

async function addImage(parts: CocoParts, size: Partial<SourceSize>, id: number, file: string) {
  await parts.images.push({
    width: size.width ?? null,
    height: size.height ?? null,
    id,
    file_name: file,
  });
}

/** Adds the annotations of one item: as the SDK, its image entry once a size is known. */
async function addItem(
  item: ConverterItem,
  image: { id: number; file: string; size: SourceSize | undefined },
  parts: CocoParts,
): Promise<void> {
  let size = image.size;
  if (size) await addImage(parts, size, image.id, image.file);
  if (Object.keys(item.output).length === 0) {
    if (!size) await addImage(parts, {}, image.id, image.file);
    return;
  }
  const keypointValues: OutputValue[] = [];
  for (const value of valuesOf(item)) {
    const name = firstLabel(value, CATEGORY_KEYS);
    if (name === undefined) continue;
    if (!size?.width || !size.height) {
      size = sourceSizeOf(value);
      if (!size) continue;
      await addImage(parts, size, image.id, image.file);
    }
    const placement: RegionPlacement = {
      id: parts.annotations.count,
      imageId: image.id,
      categoryId: parts.categories.idOf(name),
      imageSize: size,
    };
    const shape = shapeOf(value);
    if (shape === 'keypoint') keypointValues.push(value);
    const annotation =
      shape === 'box'
        ? boxAnnotation(value, placement)
        : shape === 'polygon'
          ? polygonAnnotation(value, placement)
          : undefined;
    if (annotation) await parts.annotations.push(annotation);
  }
  if (keypointValues.length > 0 && size && parts.keypointOrder.length > 0) {
    const placement = { id: parts.annotations.count, imageId: image.id, imageSize: size };
    await parts.annotations.push(
      keypointAnnotation(keypointValues, parts.keypointOrder, placement, parts.categories),
    );
  }
}

async function addItems(
  items: () => AsyncIterable<ConverterItem>,
  context: ConversionContext,
  parts: CocoParts,
  images: ImageFetcher,
): Promise<void> {
  const dataKey = imageDataKey(context.config);
  for await (const item of items()) {
    const url = imageUrlOf(item, dataKey);
    if (url === null) continue;
    const fetched = await images.fetch(url);
    const file = fileNameOf(fetched, url, context);
    await addItem(item, { id: parts.images.count, file, size: fetched.size ?? undefined }, parts);
  }
}

async function* resultJson(parts: CocoParts, now: Date): AsyncGenerator<string | Buffer> {
  const info = {
    year: now.getUTCFullYear(),
    version: '1.0',
    description: '',
    contributor: 'Label Studio',
    url: '',
    date_created: pythonDateTime(now),
  };
  yield '{\n  "images": ';
  yield* parts.images.chunks();
  yield `,\n  "categories": ${indentedJson(parts.categories.categories, 1)},\n  "annotations": `;
  yield* parts.annotations.chunks();
  yield `,\n  "info": ${indentedJson(info, 1)}\n}`;
}

export interface CocoVariant {
  name: ExportFormatName;
  title: string;
  description: string;
  withImages: boolean;
}

/** COCO: `result.json` (images, categories, annotations, info) and `images/`. */
export function cocoFormat(variant: CocoVariant): ExportFormat {
  return {
    name: variant.name,
    title: variant.title,
    description: variant.description,
    link: 'https://labelstud.io/guide/export.html#COCO',
    tags: ['image segmentation', 'object detection', 'keypoints'],
    supports: supportsCocoOrYolo,
    async convert(items, context, output) {
      const effective = variant.withImages ? { ...context, downloadResources: true } : context;
      const directory = await mkdtemp(join(tmpdir(), 'ls-coco-export-'));
      const parts: CocoParts = {
        images: new JsonArrayFile(join(directory, 'images.json'), 1),
        annotations: new JsonArrayFile(join(directory, 'annotations.json'), 1),
        categories: cocoCategories(context.config.controls),
        keypointOrder: keypointOrder(context.config.controls),
      };
      try {
        await addItems(items, effective, parts, new ImageFetcher(effective, output));
        await parts.images.close();
        await parts.annotations.close();
        await output.add('result.json', Readable.from(resultJson(parts, context.now)));
      } finally {
        await Promise.allSettled([parts.images.close(), parts.annotations.close()]);
        await rm(directory, { recursive: true, force: true });
      }
    },
  };
}
