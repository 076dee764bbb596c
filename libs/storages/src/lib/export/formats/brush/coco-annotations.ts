import { ConverterItem, OutputValue } from '../export-format';
import { PyFloat, PyJsonValue } from '../python-json';
import { decodeBrushAlpha, BrushRleError } from './brush-rle';
import { boundingRect, contourArea, externalContours, Point } from './contours';

/** A COCO annotation without its `id` (given when it is written). */
export type CocoShape = {
  segmentation: PyJsonValue[];
  area: number | PyFloat;
  bbox: PyJsonValue[];
};

type LabelKey = 'brushlabels' | 'polygonlabels' | 'rectanglelabels' | 'labels';

/** Which label list a value has, in the order the SDK looks for them. */
export function labelKeyOf(value: OutputValue): LabelKey | null {
  const keys: LabelKey[] = ['brushlabels', 'polygonlabels', 'rectanglelabels', 'labels'];
  return keys.find((key) => key in value) ?? null;
}

const hasNumbers = (value: OutputValue, keys: string[]) =>
  keys.every((key) => typeof value[key] === 'number');

/** Python's `round()`: to the nearest integer, ties to even. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Brush: one shape per outer contour of the mask with at least three corner points. */
function brushShapes(value: OutputValue): CocoShape[] {
  const width = Number(value.original_width);
  const height = Number(value.original_height);
  let mask: Uint8Array;
  try {
    mask = decodeBrushAlpha(value['rle'] as number[], width, height);
  } catch (error) {
    if (error instanceof BrushRleError) return [];
    throw error;
  }
  return externalContours(mask, width, height)
    .filter((contour) => contour.length > 2)
    .map((contour) => ({
      segmentation: [contour.flat()],
      area: Math.trunc(contourArea(contour)),
      bbox: boundingRect(contour),
    }));
}

/** Polygon: points in percent to rounded pixels; bbox and area as OpenCV measures them. */
function polygonShape(value: OutputValue): CocoShape | null {
  const points = value['points'];
  if (!Array.isArray(points)) return null;
  const width = Number(value.original_width);
  const height = Number(value.original_height);
  const pixels: Point[] = points.map((point: unknown) => {
    const [x, y] = point as [number, number];
    return [roundHalfEven((x * width) / 100), roundHalfEven((y * height) / 100)];
  });
  if (pixels.length === 0) return null;
  return {
    segmentation: [pixels.flat()],
    area: Math.trunc(contourArea(pixels)),
    bbox: boundingRect(pixels),
  };
}

/** Rectangle: percent to pixels, kept as floats (as the SDK writes them). */
function rectangleShape(value: OutputValue): CocoShape {
  const width = Number(value.original_width);
  const height = Number(value.original_height);
  const x = (Number(value['x']) * width) / 100;
  const y = (Number(value['y']) * height) / 100;
  const w = (Number(value['width']) * width) / 100;
  const h = (Number(value['height']) * height) / 100;
  return {
    segmentation: [],
    area: new PyFloat(w * h),
    bbox: [x, y, w, h].map((number) => new PyFloat(number)),
  };
}

/** The shapes one label of a value gives (the SDK repeats them for each of its labels). */
export function shapesOf(value: OutputValue, key: LabelKey): CocoShape[] {
  const size = ['original_width', 'original_height'];
  if (key === 'brushlabels' && 'rle' in value) {
    return hasNumbers(value, size) ? brushShapes(value) : [];
  }
  if (key === 'polygonlabels' && 'points' in value) {
    const shape = hasNumbers(value, size) ? polygonShape(value) : null;
    return shape ? [shape] : [];
  }
  if (value.type.toLowerCase() === 'rectanglelabels' || key === 'labels') {
    const box = ['x', 'y', 'width', 'height', ...size];
    return hasNumbers(value, box) ? [rectangleShape(value)] : [];
  }
  return [];
}

/** The annotator as the SDK's `get_annotator(item, "unknown")` gives it. */
export function cocoAnnotator(item: ConverterItem): PyJsonValue {
  const annotator = item.completed_by;
  if (annotator === null) return 'None';
  if (typeof annotator !== 'object') return String(annotator);
  return 'email' in annotator ? (annotator.email ?? null) : 'unknown';
}

/** The first data value that names an image file, as the SDK finds the task's image. */
export function imagePathOf(input: Record<string, unknown>): string | null {
  const extensions = ['.jpg', '.jpeg', '.png', '.gif', '.bmp'];
  for (const value of Object.values(input)) {
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    if (extensions.some((extension) => lower.endsWith(extension))) return value;
  }
  return null;
}
