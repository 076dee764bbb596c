import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { countOf, ProjectCounters, ProjectStatsSource } from '@ls/projects';
import { Task } from './task.entity';

const TASK_COUNTERS = [
  'task_number',
  'finished_task_number',
  'total_annotations_number',
  'skipped_annotations_number',
  'total_predictions_number',
] as const;

type CounterRow = Record<'project_id' | (typeof TASK_COUNTERS)[number], unknown>;

/**
 * The project counters that the task rows' stored counters give, for a whole page of projects in
 * one grouped query.
 */
@Injectable()
export class TaskCountersSource implements ProjectStatsSource {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  async countersFor(projectIds: number[]): Promise<Map<number, Partial<ProjectCounters>>> {
    const rows = await this.tasks
      .createQueryBuilder('task')
      .select('task.project_id', 'project_id')
      .addSelect('COUNT(*)', 'task_number')
      .addSelect('SUM(CASE WHEN task.is_labeled THEN 1 ELSE 0 END)', 'finished_task_number')
      .addSelect('SUM(task.total_annotations)', 'total_annotations_number')
      .addSelect('SUM(task.cancelled_annotations)', 'skipped_annotations_number')
      .addSelect('SUM(task.total_predictions)', 'total_predictions_number')
      .where('task.project_id IN (:...projectIds)', { projectIds })
      .groupBy('task.project_id')
      .getRawMany<CounterRow>();
    return new Map(
      rows.map((row) => [
        countOf(row.project_id),
        Object.fromEntries(TASK_COUNTERS.map((field) => [field, countOf(row[field])])),
      ]),
    );
  }

  /** Annotators are known to the annotations library, which registers its own source. */
  async annotatorIds(): Promise<number[]> {
    return [];
  }
}
