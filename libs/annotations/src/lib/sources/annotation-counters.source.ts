import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { countOf, ProjectCounters, ProjectStatsSource } from '@ls/projects';
import { Task } from '@ls/tasks';
import { Annotation } from '../entities/annotation.entity';

type Count = string | number | null;

const USEFUL =
  'annotation.was_cancelled = false AND annotation.ground_truth = false AND annotation.result IS NOT NULL';

/**
 * The project counters only annotation rows give (grouped queries per page of projects), and the
 * caller's queue: tasks still open to them or already annotated by them.
 */
@Injectable()
export class AnnotationCountersSource implements ProjectStatsSource {
  constructor(
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async countersFor(
    projectIds: number[],
    viewerId?: number,
  ): Promise<Map<number, Partial<ProjectCounters>>> {
    const [annotationRows, queues] = await Promise.all([
      this.annotations
        .createQueryBuilder('annotation')
        .select('annotation.project_id', 'project_id')
        .addSelect(
          `COUNT(DISTINCT CASE WHEN ${USEFUL} THEN annotation.task_id END)`,
          'with_annotations',
        )
        .addSelect(`SUM(CASE WHEN ${USEFUL} THEN 1 ELSE 0 END)`, 'useful')
        .addSelect(
          'SUM(CASE WHEN annotation.ground_truth = true THEN 1 ELSE 0 END)',
          'ground_truth',
        )
        .where('annotation.project_id IN (:...projectIds)', { projectIds })
        .groupBy('annotation.project_id')
        .getRawMany<{
          project_id: Count;
          with_annotations: Count;
          useful: Count;
          ground_truth: Count;
        }>(),
      viewerId === undefined ? [] : this.queues(projectIds, viewerId),
    ]);
    const counters = new Map<number, Partial<ProjectCounters>>();
    for (const row of annotationRows) {
      counters.set(countOf(row.project_id), {
        num_tasks_with_annotations: countOf(row.with_annotations),
        useful_annotation_number: countOf(row.useful),
        ground_truth_number: countOf(row.ground_truth),
      });
    }
    for (const row of queues) {
      const total = countOf(row.queue_total);
      const done = countOf(row.queue_done);
      const id = countOf(row.project_id);
      counters.set(id, {
        ...counters.get(id),
        queue_total: total,
        queue_done: done,
        queue_left: total - done,
      });
    }
    return counters;
  }

  /**
   * queue_total: tasks not labeled yet or annotated by the viewer; queue_done: tasks annotated by
   * the viewer, where with REQUEUE_FOR_ME their own skips do not count as done.
   */
  private queues(projectIds: number[], viewerId: number) {
    const mine = (alias: string, countSkips: string) =>
      `EXISTS (SELECT 1 FROM annotation ${alias} WHERE ${alias}.task_id = task.id AND ${alias}.completed_by_id = :viewerId${countSkips})`;
    const doneSkipFilter = ` AND (project.skip_queue IS NULL OR project.skip_queue <> 'REQUEUE_FOR_ME' OR done.was_cancelled = false)`;
    return this.tasks
      .createQueryBuilder('task')
      .innerJoin('task.project', 'project')
      .select('task.project_id', 'project_id')
      .addSelect(
        `SUM(CASE WHEN task.is_labeled = false OR ${mine('mine', '')} THEN 1 ELSE 0 END)`,
        'queue_total',
      )
      .addSelect(`SUM(CASE WHEN ${mine('done', doneSkipFilter)} THEN 1 ELSE 0 END)`, 'queue_done')
      .where('task.project_id IN (:...projectIds)', { projectIds })
      .setParameter('viewerId', viewerId)
      .groupBy('task.project_id')
      .getRawMany<{ project_id: Count; queue_total: Count; queue_done: Count }>();
  }

  async annotatorIds(projectId: number): Promise<number[]> {
    const rows = await this.annotations
      .createQueryBuilder('annotation')
      .select('DISTINCT annotation.completed_by_id', 'id')
      .where('annotation.project_id = :projectId', { projectId })
      .andWhere('annotation.completed_by_id IS NOT NULL')
      .getRawMany<{ id: Count }>();
    return rows.map((row) => countOf(row.id));
  }
}
