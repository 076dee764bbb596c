import type { Readable } from 'node:stream';
import type { ParsedLabelConfig } from '@ls/projects';

/** The formats of behavior.md 5.2, by the names Label Studio's API and SDK use, in its order. */
export const EXPORT_FORMAT_NAMES = [
  'JSON',
  'JSON_MIN',
  'CSV',
  'TSV',
  'CONLL2003',
  'COCO',
  'COCO_WITH_IMAGES',
  'VOC',
  'YOLO',
  'YOLO_WITH_IMAGES',
  'YOLO_OBB',
  'YOLO_OBB_WITH_IMAGES',
  'BRUSH_TO_NUMPY',
  'BRUSH_TO_PNG',
  'ASR_MANIFEST',
  'BRUSH_TO_COCO',
] as const;

export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** One region or classification of an annotation's `result`, as Label Studio stores it. */
export interface ResultRegion {
  id?: string;
  from_name: string;
  to_name: string;
  type: string;
  value: Record<string, unknown>;
  original_width?: number;
  original_height?: number;
  image_rotation?: number;
  parentID?: string;
  [key: string]: unknown;
}

/**
 * One converter item (behavior.md 5.3): an annotation of a task, newest first, cancelled ones
 * skipped; a task without usable annotations gives one item with an empty `output`. `output`
 * holds, per control name of the current config, the values of its results with `type` (and
 * `original_width`/`original_height` when the result has them) copied into each value.
 */
export interface ConverterItem {
  /** The task id. */
  id: number;
  /** The task's data. */
  input: Record<string, unknown>;
  output: Record<string, OutputValue[]>;
  /** The annotator: a user id, or `{id, email, ...}` when the export expanded it. */
  completed_by: number | { id: number; email?: string; [key: string]: unknown } | null;
  annotation_id: number | null;
  created_at: string | null;
  updated_at: string | null;
  lead_time: number | null;
  history: unknown[] | null;
  was_cancelled: boolean;
}

/** A result's value with its `type`, and the source size when the result carries it. */
export interface OutputValue extends Record<string, unknown> {
  type: string;
  original_width?: number;
  original_height?: number;
}

/** What availability and conversion read of the project's label config. */
export interface ExportConfig {
  /** `parsed_label_config` of the project: control name → type, to_name, inputs, labels. */
  controls: ParsedLabelConfig;
  /** The data keys the config's object tags read (`$image` → `image`), in config order. */
  dataKeys: string[];
  /** Object tag name → its tag type (`Image`, `Text`, `Audio`...), from the config. */
  objectTypes: Record<string, string>;
}

/** A media file (image, audio) an export copies into its archive. */
export interface MediaFile {
  /** The file name to use in the archive (the basename of the task's URL, as Label Studio). */
  name: string;
  content: Readable;
}

/**
 * Opens a task's media URL (`/data/upload/...`, `/data/local-files/?d=...`, http(s), later
 * cloud storages) through one resolver; http(s) never reaches reserved addresses. `null` when
 * the URL cannot be read (the export goes on without the file, as Label Studio does).
 */
export interface MediaResolver {
  open(url: string): Promise<MediaFile | null>;
}

/** Where a converter writes: files at relative paths. One file is returned as is; more are zipped. */
export interface ExportOutput {
  /** Adds a file; `content` is written in full (a stream is read to its end) before it resolves. */
  add(path: string, content: string | Buffer | Readable): Promise<void>;
}

export interface ConversionContext {
  config: ExportConfig;
  projectId: number;
  /** Copy media into the archive (`download_resources`, and always for `*_WITH_IMAGES`). */
  downloadResources: boolean;
  media: MediaResolver;
  /** The moment of the export (COCO `info.date_created`, file names). */
  now: Date;
}

/**
 * A converter reads the items as often as it needs (each call of `items()` reads the export from
 * its start) and must not keep them all in memory: an export may hold a million tasks.
 */
export interface ExportConverter {
  convert(
    items: () => AsyncIterable<ConverterItem>,
    context: ConversionContext,
    output: ExportOutput,
  ): Promise<void>;
}

/** A format as `GET /api/projects/{id}/export/formats` lists it, and whether a config suits it. */
export interface ExportFormatInfo {
  name: ExportFormatName;
  title: string;
  description: string;
  link: string;
  tags?: string[];
  supports(config: ExportConfig): boolean;
}

/** A format converted from the export's JSON (every one but JSON, which is that file). */
export interface ExportFormat extends ExportFormatInfo, ExportConverter {
  /**
   * Whether its items carry each region's `id` and `parentID` in the values (YOLO pairs
   * keypoints with their boxes so); other formats must not show them.
   */
  keepsRegionIds?(config: ExportConfig): boolean;
}
