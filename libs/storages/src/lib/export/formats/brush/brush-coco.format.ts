import { randomInt } from 'node:crypto';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  ConversionContext,
  ConverterItem,
  ExportFormat,
  ExportOutput,
  OutputValue,
} from '../export-format';
import { pyJson, PyJsonValue } from '../python-json';
import { supportsBrush } from './brush-layers';
import { pythonDateTime } from '../python-text';
import { cocoAnnotator, CocoShape, imagePathOf, labelKeyOf, shapesOf } from './coco-annotations';

const JSON_OPTIONS = { indent: 2, ensureAscii: false } as const;

/** One list of the COCO file, written element by element to a temporary file. */
class JsonListFile {
  private readonly stream: WriteStream;
  private count = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  async add(element: PyJsonValue): Promise<void> {
    const text =
      (this.count++ === 0 ? '\n    ' : ',\n    ') + pyJson(element, { ...JSON_OPTIONS, level: 2 });
    if (!this.stream.write(text))
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }

  async *text(): AsyncIterable<string | Buffer> {
    if (this.count === 0) {
      yield '[]';
      return;
    }
    yield '[';
    yield* createReadStream(this.path) as AsyncIterable<Buffer>;
    yield '\n  ]';
  }
}

/** Categories as the SDK makes them: ids from 1 in order of first use, a random color each. */
class Categories {
  private readonly idByName = new Map<string, number>();
  readonly list: PyJsonValue[] = [];

  idOf(name: string): number {
    const known = this.idByName.get(name);
    if (known !== undefined) return known;
    const id = this.idByName.size + 1;
    this.idByName.set(name, id);
    const color = '#' + [0, 0, 0].map(() => randomInt(256).toString(16).padStart(2, '0')).join('');
    this.list.push({ id, name, supercategory: '', color, metadata: {} });
    return id;
  }
}

class CocoWriter {
  readonly categories = new Categories();
  private nextAnnotationId = 0;

  constructor(
    readonly images: JsonListFile,
    readonly annotations: JsonListFile,
  ) {}

  async addItem(item: ConverterItem, imageId: number): Promise<void> {
    const path = imagePathOf(item.input);
    if (path === null || Object.keys(item.output).length === 0) return;
    const values = Object.values(item.output).flat();
    const sized = values.find((value) => 'original_width' in value);
    let written = 0;
    for (const value of values) written += await this.addValue(item, imageId, value);
    if (!sized || written === 0) return;
    await this.images.add({
      id: imageId,
      file_name: posix.basename(path),
      path,
      width: sized.original_width ?? null,
      height: sized.original_height ?? null,
    });
  }

  /** The value's shapes once per label (as the SDK repeats them); how many were written. */
  private async addValue(
    item: ConverterItem,
    imageId: number,
    value: OutputValue,
  ): Promise<number> {
    const key = labelKeyOf(value);
    const labels = key === null ? [] : value[key];
    if (key === null || !Array.isArray(labels)) return 0;
    let shapes: CocoShape[] | undefined;
    let written = 0;
    for (const label of labels) {
      const categoryId = this.categories.idOf(String(label));
      shapes ??= shapesOf(value, key);
      for (const shape of shapes) {
        await this.annotations.add({
          id: this.nextAnnotationId++,
          image_id: imageId,
          category_id: categoryId,
          ...shape,
          iscrowd: 0,
          annotator: cocoAnnotator(item),
        });
        written++;
      }
    }
    return written;
  }
}

async function* cocoText(writer: CocoWriter, now: Date): AsyncIterable<string | Buffer> {
  const info = {
    year: now.getUTCFullYear(),
    version: '1.0',
    description: 'Converted from Label Studio',
    contributor: 'Label Studio Converter',
    date_created: pythonDateTime(now),
  };
  yield '{\n  "images": ';
  yield* writer.images.text();
  yield ',\n  "annotations": ';
  yield* writer.annotations.text();
  yield ',\n  "categories": ' + pyJson(writer.categories.list, { ...JSON_OPTIONS, level: 1 });
  yield ',\n  "info": ' + pyJson(info, { ...JSON_OPTIONS, level: 1 }) + '\n}';
}

/**
 * `result_coco.json` as the SDK's brush COCO export writes it: per item with an image path and
 * results, one image (ids count every item) and, per label, one annotation per outer contour of
 * each brush mask (polygons, rectangles and Labels regions as well). Images and annotations go
 * through temporary files; categories (a few) stay in memory.
 */
async function convertBrushToCoco(
  items: () => AsyncIterable<ConverterItem>,
  context: ConversionContext,
  output: ExportOutput,
): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'ls-brush-coco-'));
  try {
    const writer = new CocoWriter(
      new JsonListFile(join(directory, 'images')),
      new JsonListFile(join(directory, 'annotations')),
    );
    try {
      let imageId = 0;
      for await (const item of items()) await writer.addItem(item, imageId++);
    } finally {
      await Promise.all([writer.images.close(), writer.annotations.close()]);
    }
    await output.add('result_coco.json', Readable.from(cocoText(writer, context.now)));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export const BRUSH_TO_COCO_FORMAT: ExportFormat = {
  name: 'BRUSH_TO_COCO',
  title: 'Brush labels to COCO',
  description:
    'Export your brush labels as COCO format for segmentation tasks. Converts RLE encoded masks to COCO polygons.',
  link: 'https://labelstud.io/guide/export.html#COCO',
  tags: ['image segmentation', 'brush annotations'],
  supports: supportsBrush,
  convert: convertBrushToCoco,
};
