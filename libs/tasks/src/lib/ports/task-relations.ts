import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { Task } from '../task.entity';

/** What the annotations library knows about a task, as the task serializers show it. */
export interface TaskRelated {
  annotations: object[];
  predictions: object[];
  drafts: object[];
  annotators: number[];
  annotations_ids: string;
  annotations_results: string;
  predictions_results: string;
  predictions_model_versions: string;
  predictions_score?: number;
  avg_lead_time?: number;
  completed_at?: string;
  draft_exists: boolean;
  ground_truth: boolean;
}

export const NOTHING_RELATED: TaskRelated = {
  annotations: [],
  predictions: [],
  drafts: [],
  annotators: [],
  annotations_ids: '',
  annotations_results: '',
  predictions_results: '',
  predictions_model_versions: '',
  draft_exists: false,
  ground_truth: false,
};

/** The data manager's columns of a task that come from its annotations, predictions and drafts. */
export type RelatedColumn = Exclude<keyof TaskRelated, 'annotations' | 'predictions' | 'drafts'>;

/** What to compute: the lists (annotations, predictions, drafts) and which columns. */
export interface RelatedFields {
  lists: boolean;
  columns: 'all' | ReadonlySet<RelatedColumn>;
}

export const ALL_RELATED: RelatedFields = { lists: true, columns: 'all' };

export const RELATED_COLUMNS: readonly RelatedColumn[] = [
  'annotators',
  'annotations_ids',
  'annotations_results',
  'predictions_results',
  'predictions_model_versions',
  'predictions_score',
  'avg_lead_time',
  'completed_at',
  'draft_exists',
  'ground_truth',
];

export interface TaskRelationsSource {
  /**
   * For a page of tasks, in a fixed number of queries; `viewer` decides which drafts show. What
   * `fields` leaves out has its empty value (an empty list, '', false or no key).
   */
  relatedTo(
    tasks: Task[],
    viewer: AuthContext,
    fields: RelatedFields,
  ): Promise<Map<number, TaskRelated>>;
}

/**
 * Where the annotations library plugs in the annotations, predictions and drafts of tasks. Until
 * it registers, tasks have none.
 */
@Injectable()
export class TaskRelations {
  private source?: TaskRelationsSource;

  register(source: TaskRelationsSource): void {
    this.source = source;
  }

  async relatedTo(
    tasks: Task[],
    viewer: AuthContext,
    fields: RelatedFields = ALL_RELATED,
  ): Promise<Map<number, TaskRelated>> {
    if (!this.source || tasks.length === 0) return new Map();
    return this.source.relatedTo(tasks, viewer, fields);
  }
}
