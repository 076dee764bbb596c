import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { ExportAnnotation, ExportTask } from '../../../src/lib/export/formats/converter-items';
import type {
  ConversionContext,
  ConverterItem,
  ExportConfig,
  ExportFormat,
  ExportFormatName,
  ResultRegion,
} from '../../../src/lib/export/formats/export-format';
import { IMAGE_EXPORT_FORMATS } from '../../../src/lib/export/formats/image/image-formats';
import { contextOf, exportConfigOf, itemsOf, MemoryOutput } from '../format-kit';

export function formatNamed(name: ExportFormatName): ExportFormat {
  const format = IMAGE_EXPORT_FORMATS.find((candidate) => candidate.name === name);
  if (!format) throw new Error(`no image format ${name}`);
  return format;
}

export function golden(path: string): string {
  return readFileSync(join(__dirname, 'golden', path), 'utf8');
}

/** A golden JSON file laid out as `JSON.stringify(value, null, 2)` lays it out (as the export writes). */
export function goldenJson(path: string): string {
  return JSON.stringify(JSON.parse(golden(path)), null, 2);
}

/** The config of behavior.md 5.4: boxes and a quality choice on an image. */
export const BOXES_CONFIG = exportConfigOf(`
<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Car"/><Label value="Person"/>
  </RectangleLabels>
  <Choices name="quality" toName="image"><Choice value="good"/><Choice value="bad"/></Choices>
</View>`);

export function annotation(
  id: number,
  result: ResultRegion[],
  createdAt?: string,
): ExportAnnotation {
  const at = createdAt ?? '2024-05-01T10:05:00.000000Z';
  return {
    id,
    completed_by: 7,
    result,
    was_cancelled: false,
    ground_truth: false,
    created_at: at,
    updated_at: at,
    lead_time: 12.5,
  };
}

export function task(id: number, image: string, annotations: ExportAnnotation[]): ExportTask {
  return { id, data: { image }, annotations };
}

export function box(
  from: string,
  label: string,
  [x, y, width, height]: number[],
  [originalWidth, originalHeight]: number[],
  rotation = 0,
): ResultRegion {
  return {
    from_name: from,
    to_name: 'image',
    type: 'rectanglelabels',
    original_width: originalWidth,
    original_height: originalHeight,
    image_rotation: 0,
    value: { x, y, width, height, rotation, rectanglelabels: [label] },
  };
}

export function choice(value: string): ResultRegion {
  return { from_name: 'quality', to_name: 'image', type: 'choices', value: { choices: [value] } };
}

/** The two tasks of behavior.md 5.4. */
export const BOXES_TASKS: ExportTask[] = [
  task(1, '/data/upload/3/aa11-cat.jpg', [
    annotation(11, [box('label', 'Car', [10, 20, 30, 40], [800, 600]), choice('good')]),
  ]),
  task(2, '/data/upload/3/bb22-dog.jpg', [
    annotation(12, [box('label', 'Person', [50, 50, 10, 20], [1000, 500]), choice('bad')]),
  ]),
];

/** Runs a format over tasks and returns what it wrote. */
export async function exportTasks(
  name: ExportFormatName,
  config: ExportConfig,
  tasks: ExportTask[],
  options: Partial<Omit<ConversionContext, 'config'>> = {},
): Promise<MemoryOutput> {
  const output = new MemoryOutput();
  await formatNamed(name).convert(itemsOf(tasks, config), contextOf(config, options), output);
  return output;
}

/** Runs a format over converter items built by hand. */
export async function exportItems(
  name: ExportFormatName,
  config: ExportConfig,
  items: ConverterItem[],
): Promise<MemoryOutput> {
  const output = new MemoryOutput();
  const read = async function* () {
    yield* structuredClone(items);
  };
  await formatNamed(name).convert(read, contextOf(config), output);
  return output;
}

/** A real PNG of the given size (RGBA, or RGB without alpha). */
export function pngOf(width: number, height: number, alpha = true): Buffer {
  const png = new PNG({ width, height, colorType: alpha ? 6 : 2, inputHasAlpha: true });
  png.data.fill(128);
  return PNG.sync.write(png, { colorType: alpha ? 6 : 2, inputHasAlpha: true });
}
