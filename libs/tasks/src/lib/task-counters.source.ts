import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProjectCounters, ProjectStatsSource } from '@ls/projects';
import { Task } from './task.entity';

interface CounterRow {
  project_id: number;
  task_number: string | number;
  finished_task_number: string | number | null;
  total_annotations_number: string | number | null;
  skipped_annotations_number: string | number | null;
  total_predictions_number: string | number | null;
}

/**
 * The project counters that the task rows' stored counters give, for a whole page of projects in
 * one grouped query (PostgreSQL returns sums as strings, hence the Number()).
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
        Number(row.project_id),
        {
          task_number: Number(row.task_number),
          finished_task_number: Number(row.finished_task_number ?? 0),
          total_annotations_number: Number(row.total_annotations_number ?? 0),
          skipped_annotations_number: Number(row.skipped_annotations_number ?? 0),
          total_predictions_number: Number(row.total_predictions_number ?? 0),
        },
      ]),
    );
  }

  /** Annotators are known to the annotations library, which registers its own source. */
  async annotatorIds(): Promise<number[]> {
    return [];
  }
}
