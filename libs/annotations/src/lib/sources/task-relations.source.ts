import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { Task, TaskRelated, TaskRelationsSource } from '@ls/tasks';
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

/** Annotations, predictions and the viewer's drafts of a page of tasks, in three queries. */
@Injectable()
export class TaskRelationsFromAnnotations implements TaskRelationsSource {
  constructor(
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
  ) {}

  async relatedTo(tasks: Task[], viewer: AuthContext): Promise<Map<number, TaskRelated>> {
    const taskIds = tasks.map((task) => task.id);
    const [annotations, predictions, drafts] = await Promise.all([
      this.annotations.find({
        where: { task_id: In(taskIds) },
        relations: { completed_by: true },
        order: { id: 'ASC' },
      }),
      this.predictions.find({ where: { task_id: In(taskIds) }, order: { id: 'ASC' } }),
      this.drafts.find({
        where: { task_id: In(taskIds), user_id: viewer.user.id },
        order: { id: 'ASC' },
      }),
    ]);
    const annotationsOf = groupByTask(annotations);
    const predictionsOf = groupByTask(predictions);
    const draftsOf = groupByTask(drafts);
    return new Map(
      tasks.map(({ id: taskId, is_labeled: labeled }) => {
        const taskAnnotations = annotationsOf.get(taskId) ?? [];
        const taskPredictions = predictionsOf.get(taskId) ?? [];
        const scores = taskPredictions.flatMap((p) => (p.score === null ? [] : [p.score]));
        const leadTimes = taskAnnotations.flatMap((a) =>
          a.lead_time === null ? [] : [a.lead_time],
        );
        // As Label Studio: the newest annotation's time, once the task is labeled.
        const newest = labeled ? taskAnnotations[taskAnnotations.length - 1] : undefined;
        const related: TaskRelated = {
          annotations: taskAnnotations.map((a) => serializeAnnotation(a, a.completed_by)),
          predictions: taskPredictions.map(serializePrediction),
          drafts: (draftsOf.get(taskId) ?? []).map(serializeDraft),
          annotators: [
            ...new Set(
              taskAnnotations.flatMap((a) =>
                a.completed_by_id === null ? [] : [a.completed_by_id],
              ),
            ),
          ],
          annotations_ids: taskAnnotations.map((a) => a.id).join(', '),
          annotations_results: JSON.stringify(taskAnnotations.map((a) => a.result ?? [])),
          predictions_results: JSON.stringify(taskPredictions.map((p) => p.result)),
          predictions_model_versions: [
            ...new Set(taskPredictions.map((p) => p.model_version)),
          ].join(', '),
          predictions_score: average(scores),
          avg_lead_time: average(leadTimes),
          completed_at: newest?.created_at.toISOString(),
          draft_exists: (draftsOf.get(taskId) ?? []).length > 0,
          ground_truth: taskAnnotations.some((a) => a.ground_truth),
        };
        return [taskId, related];
      }),
    );
  }
}
