import {
  EXPORT_FORMAT_NAMES,
  ExportConfig,
  ExportFormat,
  ExportFormatInfo,
  ExportFormatName,
} from './export-format';
import { AUDIO_EXPORT_FORMATS } from './audio';
import { BRUSH_EXPORT_FORMATS } from './brush';
import { IMAGE_EXPORT_FORMATS } from './image/image-formats';
import { CSV_FORMAT, TSV_FORMAT } from './tabular/csv.format';
import { JSON_MIN_FORMAT } from './tabular/json-min.format';
import { TEXT_EXPORT_FORMATS } from './text';

/** JSON is the export itself: the file every other format is converted from. */
export const JSON_FORMAT: ExportFormatInfo = {
  name: 'JSON',
  title: 'JSON',
  description:
    "List of items in raw JSON format stored in one JSON file. Use to export both the data and the annotations for a dataset. It's Label Studio Common Format",
  link: 'https://labelstud.io/guide/export.html#JSON',
  supports: () => true,
};

/** The formats converted from the JSON, in the order Label Studio lists them. */
const CONVERTED_FORMATS: ExportFormat[] = [
  JSON_MIN_FORMAT,
  CSV_FORMAT,
  TSV_FORMAT,
  ...TEXT_EXPORT_FORMATS,
  ...IMAGE_EXPORT_FORMATS,
  ...BRUSH_EXPORT_FORMATS,
  ...AUDIO_EXPORT_FORMATS,
].sort((a, b) => EXPORT_FORMAT_NAMES.indexOf(a.name) - EXPORT_FORMAT_NAMES.indexOf(b.name));

/**
 * Whether a conversion copies media into its archive, as Label Studio's converter decides: the
 * `*_WITH_IMAGES` formats always, plain COCO and YOLO never, the others when asked.
 */
export function downloadsMedia(name: ExportFormatName, asked: boolean): boolean {
  if (name.endsWith('_WITH_IMAGES')) return true;
  if (name === 'COCO' || name === 'YOLO' || name === 'YOLO_OBB') return false;
  return asked;
}

/** A format of the list: its description and, when the config does not suit it, `disabled`. */
export interface ListedExportFormat {
  name: ExportFormatName;
  title: string;
  description: string;
  link: string;
  tags?: string[];
  disabled?: true;
}

/** Formats only the first data key's object can be converted to: one data key at most. */
const MULTI_KEY_FORMATS = new Set<ExportFormatName>(['JSON', 'JSON_MIN', 'CSV', 'TSV']);

function suits(format: ExportFormatInfo, config: ExportConfig): boolean {
  if (config.dataKeys.length > 1 && !MULTI_KEY_FORMATS.has(format.name)) return false;
  return format.supports(config);
}

/** Every format with what a project's config allows, the usable ones first (as Label Studio). */
export function listExportFormats(config: ExportConfig): ListedExportFormat[] {
  const listed = [JSON_FORMAT, ...CONVERTED_FORMATS].map((format) => {
    const { name, title, description, link, tags } = format;
    const entry: ListedExportFormat = { name, title, description, link };
    if (tags) entry.tags = tags;
    if (!suits(format, config)) entry.disabled = true;
    return entry;
  });
  return [...listed.filter((f) => !f.disabled), ...listed.filter((f) => f.disabled)];
}

/** The converter of a format the config suits; `undefined` for JSON (no conversion). */
export function converterFor(
  name: ExportFormatName,
  config: ExportConfig,
): { format: ExportFormat | undefined; supported: boolean } {
  const format = CONVERTED_FORMATS.find((candidate) => candidate.name === name);
  const info = name === 'JSON' ? JSON_FORMAT : format;
  return { format, supported: info !== undefined && suits(info, config) };
}
