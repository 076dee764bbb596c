import { ConverterItem, ExportConfig, OutputValue } from '../export-format';
import { BrushRleError, decodeBrushAlpha } from './brush-rle';

/** `Image` and `BrushLabels` (or `Brush` with `Labels`), one data key (sdk rules). */
export function supportsBrush(config: ExportConfig): boolean {
  if (config.dataKeys.length > 1) return false;
  const controls = Object.values(config.controls);
  const types = new Set(controls.map((control) => control.type));
  const hasImage = controls.some((control) =>
    control.inputs.some((input) => input.type === 'Image'),
  );
  const hasBrush =
    types.has('BrushLabels') ||
    types.has('brushlabels') ||
    (types.has('Brush') && types.has('Labels'));
  return hasImage && hasBrush;
}

/** One decoded brush region: its mask and the file name (without extension) the SDK gives it. */
export interface BrushLayer {
  fileStem: string;
  width: number;
  height: number;
  /** `height` rows of `width` bytes: the alpha channel of the brush image. */
  mask: Uint8Array;
}

/** The key of the region's label list, or `null` for values the brush export skips. */
function labelKeyOf(value: OutputValue): 'brushlabels' | 'labels' | null {
  const type = value.type.toLowerCase();
  return type === 'brushlabels' || type === 'labels' ? type : null;
}

function isByteList(rle: unknown): rle is number[] {
  return Array.isArray(rle) && rle.every((byte) => typeof byte === 'number');
}

/** The annotator part of the file name: the email or the user id, letters, digits, `@`, `.`. */
function annotatorTag(item: ConverterItem): string {
  const annotator = item.completed_by;
  const text =
    annotator !== null && typeof annotator === 'object'
      ? (annotator.email ?? '')
      : annotator === null
        ? 'None'
        : String(annotator);
  return [...text].filter((char) => /^[\p{L}\p{N}@.]$/u.test(char)).join('');
}

/**
 * The item's brush regions, decoded one at a time: per control, each region with an RLE named
 * `<control>-<labels joined by "-">-<n>` (`no_label` without labels; `n` counts regions of the
 * same name in the annotation), prefixed `task-<id>-annotation-<id>-by-<annotator>-`. Regions
 * without a readable RLE or source size are skipped.
 */
export function* brushLayersOf(item: ConverterItem): Generator<BrushLayer> {
  const prefix = `task-${item.id}-annotation-${item.annotation_id ?? 'None'}-by-${annotatorTag(item)}-`;
  for (const [fromName, values] of Object.entries(item.output)) {
    const counters = new Map<string, number>();
    for (const value of values) {
      const key = labelKeyOf(value);
      const { rle, original_width: width, original_height: height } = value;
      if (key === null || !isByteList(rle) || !width || !height) continue;
      const labels = Array.isArray(value[key]) ? (value[key] as unknown[]) : ['no_label'];
      const name = `${fromName}-${labels.map(String).join('-')}`;
      const count = counters.get(name) ?? 0;
      counters.set(name, count + 1);
      const mask = decodeOrNull(rle, width, height);
      if (!mask) continue;
      const layerName = `${name}-${count}`.replace(/[/\\]/g, '-');
      yield { fileStem: prefix + layerName, width, height, mask };
    }
  }
}

function decodeOrNull(rle: number[], width: number, height: number): Uint8Array | null {
  try {
    return decodeBrushAlpha(rle, width, height);
  } catch (error) {
    if (error instanceof BrushRleError) return null;
    throw error;
  }
}
