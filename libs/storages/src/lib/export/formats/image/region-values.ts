import type { ConverterItem, OutputValue } from '../export-format';
import type { Box, Point } from './geometry';

/** All result values of an item, control after control, as the SDK concatenates them. */
export function valuesOf(item: ConverterItem): OutputValue[] {
  return Object.values(item.output).flat();
}

export function numberField(value: OutputValue, key: string): number | undefined {
  const field = value[key];
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

export function hasKey(value: OutputValue, key: string): boolean {
  return Object.hasOwn(value, key);
}

/** The label names a value holds under `key` (`rectanglelabels`, `labels`...). */
export function labelsAt(value: OutputValue, key: string): string[] {
  const labels = value[key];
  return Array.isArray(labels) ? labels.filter((label) => typeof label === 'string') : [];
}

/** The first label of the first of `keys` with labels. */
export function firstLabel(value: OutputValue, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const labels = labelsAt(value, key);
    if (labels.length > 0) return labels[0];
  }
  return undefined;
}

export function boxOf(value: OutputValue): Box | undefined {
  const x = numberField(value, 'x');
  const y = numberField(value, 'y');
  const width = numberField(value, 'width');
  const height = numberField(value, 'height');
  if (x === undefined || y === undefined || width === undefined || height === undefined) {
    return undefined;
  }
  return { x, y, width, height };
}

export function pointsOf(value: OutputValue): Point[] | undefined {
  const points = value['points'];
  if (!Array.isArray(points)) return undefined;
  const valid = points.filter(
    (point): point is Point =>
      Array.isArray(point) && typeof point[0] === 'number' && typeof point[1] === 'number',
  );
  return valid.length === points.length ? valid : undefined;
}

export interface SourceSize {
  width: number;
  height: number;
}

/** The source image size a result carries (`original_width`/`original_height`). */
export function sourceSizeOf(value: OutputValue): SourceSize | undefined {
  const width = numberField(value, 'original_width');
  const height = numberField(value, 'original_height');
  return width === undefined || height === undefined ? undefined : { width, height };
}
