import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthContext, User } from '@ls/auth';
import { Project } from '@ls/projects';
import {
  effectiveRole,
  NOTHING_RELATED,
  RELATED_COLUMNS,
  RelatedColumn,
  RelatedFields,
  Task,
  TaskRelated,
  TaskRelationsSource,
} from '@ls/tasks';
import { AnnotationDraft } from '../entities/annotation-draft.entity';
import { Annotation } from '../entities/annotation.entity';
import { Prediction } from '../entities/prediction.entity';
import { serializeAnnotation, serializeDraft, serializePrediction } from '../serializers';

const average = (values: number[]) =>
  values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;

function groupByTask<T extends { task_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.task_id);
    if (group) group.push(row);
    else groups.set(row.task_id, [row]);
  }
  return groups;
}

const ANNOTATION_COLUMNS: readonly RelatedColumn[] = [
  'annotators',
  'annotations_ids',
  'annotations_results',
  'avg_lead_time',
  'completed_at',
  'ground_truth',
];
const PREDICTION_COLUMNS: readonly RelatedColumn[] = [
  'predictions_results',
  'predictions_score',
  'predictions_model_versions',
];

/** What the rows must hold for `fields`: whole rows only for the lists and the results. */
function rowsWanted(fields: RelatedFields) {
  const wants = (column: RelatedColumn) => fields.columns === 'all' || fields.columns.has(column);
  return {
    wants,
    annotations: fields.lists || ANNOTATION_COLUMNS.some(wants),
    wholeAnnotations: fields.lists || wants('annotations_results'),
    predictions: fields.lists || PREDICTION_COLUMNS.some(wants),
    wholePredictions: fields.lists || wants('predictions_results'),
    drafts: fields.lists || wants('draft_exists'),
  };
}

/**
 * Annotations, predictions and the viewer's drafts of a page of tasks, in at most three queries,
 * each left out when no task of the page has such rows or `fields` does not need them, and
 * narrowed to a few columns when `fields` does not need them whole.
 */
@Injectable()
export class TaskRelationsFromAnnotations implements TaskRelationsSource {
  constructor(
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
  ) {}

  async relatedTo(
    tasks: Task[],
    viewer: AuthContext,
    fields: RelatedFields,
  ): Promise<Map<number, TaskRelated>> {
    const taskIds = tasks.map((task) => task.id);
    // The counters (kept in the transaction of every write) say which tasks have rows at all.
    const annotated = tasks
      .filter((task) => task.total_annotations + task.cancelled_annotations > 0)
      .map((task) => task.id);
    const predicted = tasks.filter((task) => task.total_predictions > 0).map((task) => task.id);
    const wanted = rowsWanted(fields);
    const [annotations, predictions, drafts] = await Promise.all([
      wanted.annotations && annotated.length > 0
        ? this.annotations.find({
            where: annotationsSeenBy(viewer, tasks, annotated),
            ...(wanted.wholeAnnotations ? {} : { select: ANNOTATION_SUMMARY }),
            relations: { completed_by: fields.lists },
            order: { id: 'ASC' },
          })
        : [],
      wanted.predictions && predicted.length > 0
        ? this.predictions.find({
            where: { task_id: In(predicted) },
            ...(wanted.wholePredictions ? {} : { select: PREDICTION_SUMMARY }),
            order: { id: 'ASC' },
          })
        : [],
      wanted.drafts
        ? this.drafts.find({
            where: { task_id: In(taskIds), user_id: viewer.user.id },
            ...(fields.lists ? {} : { select: { id: true, task_id: true } }),
            order: { id: 'ASC' },
          })
        : [],
    ]);
    const annotationsOf = groupByTask(annotations);
    const predictionsOf = groupByTask(predictions);
    const draftsOf = groupByTask(drafts);
    const scored = wanted.wants('predictions_score')
      ? await this.scoredVersions(tasks, predictions)
      : new Map<number, string>();
    return new Map(
      tasks.map((task) => {
        const rows: TaskRows = {
          task,
          annotations: annotationsOf.get(task.id) ?? [],
          predictions: predictionsOf.get(task.id) ?? [],
          drafts: draftsOf.get(task.id) ?? [],
          viewer: viewer.user,
          scoredVersion: scored.get(task.project_id),
        };
        return [task.id, relatedOf(rows, fields.lists, wanted.wants)];
      }),
    );
  }

  /** The `model_version` of the tasks' projects that names one: their scores count alone. */
  private async scoredVersions(tasks: Task[], predictions: Prediction[]) {
    if (predictions.length === 0) return new Map<number, string>();
    const projects = await this.predictions.manager.find(Project, {
      select: { id: true, model_version: true },
      where: { id: In([...new Set(tasks.map((task) => task.project_id))]) },
    });
    return new Map(
      projects.flatMap((project) =>
        project.model_version ? [[project.id, project.model_version]] : [],
      ),
    );
  }
}

/**
 * The annotations of `annotated` the viewer may see: an annotator only their own (in the
 * projects where they annotate), everyone else all of them.
 */
function annotationsSeenBy(viewer: AuthContext, tasks: Task[], annotated: number[]) {
  const projectOf = new Map(tasks.map((task) => [task.id, task.project_id]));
  const annotatorIn = new Map<number, boolean>();
  const ownOnly: number[] = [];
  const all: number[] = [];
  for (const taskId of annotated) {
    const projectId = projectOf.get(taskId) as number;
    let annotator = annotatorIn.get(projectId);
    if (annotator === undefined) {
      annotator = effectiveRole(viewer, projectId).role === 'AN';
      annotatorIn.set(projectId, annotator);
    }
    (annotator ? ownOnly : all).push(taskId);
  }
  return [
    ...(ownOnly.length ? [{ task_id: In(ownOnly), completed_by_id: viewer.user.id }] : []),
    ...(all.length ? [{ task_id: In(all) }] : []),
  ];
}

const ANNOTATION_SUMMARY = {
  id: true,
  task_id: true,
  completed_by_id: true,
  was_cancelled: true,
  ground_truth: true,
  lead_time: true,
  created_at: true,
} as const;

const PREDICTION_SUMMARY = { id: true, task_id: true, score: true, model_version: true } as const;

/** What is known of one task of the page. */
interface TaskRows {
  task: Task;
  annotations: Annotation[];
  predictions: Prediction[];
  /** The viewer's own drafts of the task. */
  drafts: AnnotationDraft[];
  viewer: User;
  /** The project's `model_version`, when it names one: only its predictions are scored. */
  scoredVersion: string | undefined;
}

const COLUMN_VALUES: { [C in RelatedColumn]: (rows: TaskRows) => TaskRelated[C] } = {
  annotators: ({ annotations }) => [
    ...new Set(annotations.flatMap((a) => (a.completed_by_id === null ? [] : [a.completed_by_id]))),
  ],
  annotations_ids: ({ annotations }) => annotations.map((a) => a.id).join(', '),
  // Only asked for when the rows are whole (see rowsWanted), as the results are.
  annotations_results: ({ annotations }) => JSON.stringify(annotations.map((a) => a.result ?? [])),
  predictions_results: ({ predictions }) => JSON.stringify(predictions.map((p) => p.result)),
  predictions_model_versions: ({ predictions }) =>
    [...new Set(predictions.map((p) => p.model_version))].join(', '),
  // As Label Studio: the project's model version's predictions, or all when it names none.
  predictions_score: ({ predictions, scoredVersion }) =>
    average(
      predictions.flatMap((p) =>
        p.score === null || (scoredVersion !== undefined && p.model_version !== scoredVersion)
          ? []
          : [p.score],
      ),
    ),
  avg_lead_time: ({ annotations }) =>
    average(annotations.flatMap((a) => (a.lead_time === null ? [] : [a.lead_time]))),
  // As Label Studio: the newest annotation's time, once the task is labeled.
  completed_at: ({ task, annotations }) =>
    task.is_labeled ? annotations[annotations.length - 1]?.created_at.toISOString() : undefined,
  draft_exists: ({ drafts }) => drafts.length > 0,
  ground_truth: ({ annotations }) => annotations.some((a) => a.ground_truth),
};

/** The lists when asked, and the columns `wants`; the rest at their empty values. */
function relatedOf(
  rows: TaskRows,
  lists: boolean,
  wants: (column: RelatedColumn) => boolean,
): TaskRelated {
  // Object.assign rather than a spread: see serializeTask (a spread costs ~10 µs a task here).
  const related: TaskRelated = Object.assign({}, NOTHING_RELATED, {
    annotations: lists ? rows.annotations.map((a) => serializeAnnotation(a, a.completed_by)) : [],
    predictions: lists ? rows.predictions.map(serializePrediction) : [],
    drafts: lists ? rows.drafts.map((draft) => serializeDraft(draft, rows.viewer)) : [],
  });
  for (const column of RELATED_COLUMNS) {
    if (wants(column)) Object.assign(related, { [column]: COLUMN_VALUES[column](rows) });
  }
  return related;
}
