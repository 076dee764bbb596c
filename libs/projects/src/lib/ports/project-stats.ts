import { Injectable } from '@nestjs/common';

/** The counters a project shows; the tasks and annotations libraries compute them. */
export interface ProjectCounters {
  task_number: number;
  finished_task_number: number;
  total_annotations_number: number;
  total_predictions_number: number;
  num_tasks_with_annotations: number;
  useful_annotation_number: number;
  ground_truth_number: number;
  skipped_annotations_number: number;
  queue_total: number;
  queue_done: number;
  queue_left: number;
}

export const COUNTER_FIELDS = [
  'task_number',
  'finished_task_number',
  'total_annotations_number',
  'total_predictions_number',
  'num_tasks_with_annotations',
  'useful_annotation_number',
  'ground_truth_number',
  'skipped_annotations_number',
  'queue_total',
  'queue_done',
  'queue_left',
] as const satisfies readonly (keyof ProjectCounters)[];

/**
 * A count read from a raw SQL row, as an integer: PostgreSQL's driver gives COUNT and SUM
 * (bigint, numeric) as strings, SQLite gives numbers, and a SUM over no rows is NULL (0).
 */
export function countOf(value: unknown): number {
  const count = Number(value ?? 0);
  if (!Number.isSafeInteger(count)) throw new Error(`Not a count: ${String(value)}`);
  return count;
}

export const ZERO_COUNTERS: ProjectCounters = Object.fromEntries(
  COUNTER_FIELDS.map((field) => [field, 0]),
) as unknown as ProjectCounters;

/**
 * The port through which projects read numbers that live in higher libraries. Implementations
 * answer for many projects in one call, from stored counters, never by loading task rows.
 */
export interface ProjectStatsSource {
  /** `viewerId`: the user the queue_* counters are for. */
  countersFor(
    projectIds: number[],
    viewerId?: number,
  ): Promise<Map<number, Partial<ProjectCounters>>>;
  /** Users who annotated in the project. */
  annotatorIds(projectId: number): Promise<number[]>;
}

/**
 * Where the tasks and annotations libraries plug in their counters (in `onModuleInit`). Until a
 * library registers, a project has no tasks and no annotations, and every counter is zero.
 * Whatever a source gives, the counters come out as integers.
 */
@Injectable()
export class ProjectStats {
  private readonly sources: ProjectStatsSource[] = [];

  register(source: ProjectStatsSource): void {
    this.sources.push(source);
  }

  async countersFor(
    projectIds: number[],
    viewerId?: number,
  ): Promise<Map<number, ProjectCounters>> {
    const merged = new Map(projectIds.map((id) => [id, { ...ZERO_COUNTERS }]));
    if (projectIds.length === 0) return merged;
    for (const source of this.sources) {
      for (const [id, counters] of await source.countersFor(projectIds, viewerId)) {
        const target = merged.get(id);
        if (!target) continue;
        for (const field of COUNTER_FIELDS) {
          if (counters[field] !== undefined) target[field] = countOf(counters[field]);
        }
      }
    }
    return merged;
  }

  async annotatorIds(projectId: number): Promise<number[]> {
    const ids = new Set<number>();
    for (const source of this.sources) {
      for (const id of await source.annotatorIds(projectId)) ids.add(id);
    }
    return [...ids];
  }
}
