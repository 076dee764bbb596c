/** `only` keeps the tasks that have the property, `exclude` drops them, null ignores it. */
export type OnlyOrExclude = 'only' | 'exclude' | null;

/** Which tasks an export holds (`task_filter_options` of a snapshot). */
export interface TaskFilterOptions {
  /** A data manager view of the project: its filters select the tasks. */
  view?: number;
  /** Tasks with a cancelled (skipped) annotation. */
  skipped?: OnlyOrExclude;
  /** Tasks that are labeled (`is_labeled`). */
  finished?: OnlyOrExclude;
  /** Tasks with an annotation that is not cancelled. */
  annotated?: OnlyOrExclude;
  /** Drop tasks with no annotation at all. */
  only_with_annotations?: boolean;
  /** Reviews are not kept by this server: `only` selects no task. */
  reviewed?: OnlyOrExclude;
  /** Only these tasks (the direct export's `ids`). */
  ids?: number[];
}

/** Which annotations go in: any enabled kind (all false: every annotation). */
export interface AnnotationFilterOptions {
  /** Neither cancelled nor ground truth. */
  usual?: boolean | null;
  ground_truth?: boolean | null;
  /** Cancelled (skipped). */
  skipped?: boolean | null;
  /** Reviews are not kept by this server: `only` keeps no annotation. */
  reviewed?: OnlyOrExclude;
}

/** How nested objects are written (`serialization_options`). */
export interface SerializationOptions {
  drafts?: { only_id?: boolean };
  predictions?: { only_id?: boolean };
  annotations__completed_by?: { only_id?: boolean };
  include_annotation_history?: boolean;
  interpolate_key_frames?: boolean;
}

export interface ExportOptions {
  tasks: TaskFilterOptions;
  annotations: AnnotationFilterOptions;
  serialization: SerializationOptions;
}

/** What a nested list holds: full objects, or their ids (`only_id`, the default). */
export const expanded = (option: { only_id?: boolean } | undefined): boolean =>
  option !== undefined && option.only_id === false;

/** The annotation kinds an export keeps; `null` keeps them all. */
export function annotationKinds(
  options: AnnotationFilterOptions,
): { usual: boolean; groundTruth: boolean; skipped: boolean } | null {
  const usual = options.usual ?? true;
  const groundTruth = options.ground_truth === true;
  const skipped = options.skipped === true;
  return usual || groundTruth || skipped ? { usual, groundTruth, skipped } : null;
}
