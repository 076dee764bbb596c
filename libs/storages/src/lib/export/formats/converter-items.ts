import { ConverterItem, ExportConfig, OutputValue, ResultRegion } from './export-format';

/** An annotation as the JSON export writes it (the fields converters read). */
export interface ExportAnnotation {
  id: number;
  completed_by: ConverterItem['completed_by'];
  result: ResultRegion[];
  was_cancelled: boolean;
  ground_truth?: boolean;
  created_at: string;
  updated_at: string;
  lead_time: number | null;
  history?: unknown[];
  [key: string]: unknown;
}

/** A task as the JSON export writes it (the fields converters read). */
export interface ExportTask {
  id: number;
  data: Record<string, unknown>;
  annotations: ExportAnnotation[];
  [key: string]: unknown;
}

/**
 * The converter items of tasks (behavior.md 5.3), as Label Studio's SDK converter reads an
 * export: a task without annotations gives one item with an empty output; otherwise one item per
 * annotation that is not cancelled, newest first (a task whose annotations are all cancelled
 * gives none). Only results of the config's controls are kept, each value with the control's
 * type and the result's source size.
 */
export async function* converterItems(
  tasks: AsyncIterable<ExportTask> | Iterable<ExportTask>,
  config: ExportConfig,
  { regionIds = false }: { regionIds?: boolean } = {},
): AsyncIterable<ConverterItem> {
  for await (const task of tasks) {
    if (task.annotations.length === 0) {
      yield itemOf(task, {}, null);
      continue;
    }
    const kept = task.annotations
      .filter((annotation) => !annotation.was_cancelled)
      .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
    for (const annotation of kept) {
      yield itemOf(task, outputOf(annotation, config, regionIds), annotation);
    }
  }
}

function outputOf(annotation: ExportAnnotation, config: ExportConfig, regionIds: boolean) {
  const output: Record<string, OutputValue[]> = {};
  for (const region of annotation.result ?? []) {
    const control = Object.hasOwn(config.controls, region.from_name)
      ? config.controls[region.from_name]
      : undefined;
    if (!control) continue;
    const value: OutputValue = { ...structuredClone(region.value), type: control.type };
    if (region.original_width !== undefined) value.original_width = region.original_width;
    if (region.original_height !== undefined) value.original_height = region.original_height;
    if (regionIds) {
      value['id'] = region.id;
      value['parentID'] = region.parentID;
    }
    (Object.hasOwn(output, region.from_name)
      ? output[region.from_name]
      : (output[region.from_name] = [])
    ).push(value);
  }
  return output;
}

function itemOf(
  task: ExportTask,
  output: Record<string, OutputValue[]>,
  annotation: ExportAnnotation | null,
): ConverterItem {
  return {
    id: task.id,
    input: task.data,
    output,
    completed_by: annotation?.completed_by ?? null,
    annotation_id: annotation?.id ?? null,
    created_at: annotation?.created_at ?? null,
    updated_at: annotation?.updated_at ?? null,
    lead_time: annotation?.lead_time ?? null,
    history: annotation?.history ?? null,
    was_cancelled: annotation?.was_cancelled ?? false,
  };
}
