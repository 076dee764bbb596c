import { ExportConfig, ExportFormat, ExportFormatInfo, ExportFormatName } from './export-format';
import { CSV_FORMAT, TSV_FORMAT } from './tabular/csv.format';
import { JSON_MIN_FORMAT } from './tabular/json-min.format';

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
const CONVERTED_FORMATS: ExportFormat[] = [JSON_MIN_FORMAT, CSV_FORMAT, TSV_FORMAT];

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
