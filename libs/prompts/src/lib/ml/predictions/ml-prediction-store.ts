import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import {
  checkedResult,
  ImportedAnnotations,
  ImportedPredictionRow,
  Prediction,
} from '@ls/annotations';
import { AppConfig, dialectOfManager, TransactionRunner } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { MlBackend } from '../ml-backend.entity';
import { PredictionItem } from './prediction-items';

/** A task with what the model server said about it (null: no usable prediction). */
export interface TaskPrediction {
  taskId: number;
  item: PredictionItem | null;
}

/**
 * Writes the predictions a model server made, each with the model version it names or the
 * backend's, through the annotations library (which recounts the tasks' `total_predictions` in
 * the same transaction). A task that already has a prediction of that version gets none: with the
 * tasks' rows locked first, a retried or concurrent run of the same batch writes nothing twice.
 */
@Injectable()
export class MlPredictionStore {
  private readonly logger = new Logger(MlPredictionStore.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly importedAnnotations: ImportedAnnotations,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  /** Stores the predictions; the ids of the tasks that received one. */
  async store(backend: MlBackend, predictions: TaskPrediction[]): Promise<number[]> {
    const project = await this.projects.findOneByOrFail({ id: backend.project_id });
    const rows = predictions.flatMap(({ taskId, item }) => {
      const row = item && this.rowOf(backend, project, taskId, item);
      return row ? [row] : [];
    });
    if (rows.length === 0) return [];
    return this.transactions.run(async ({ manager }) => {
      await lockTasks(
        manager,
        rows.map((row) => row.task_id),
      );
      const existing = await manager.find(Prediction, {
        select: { task_id: true, model_version: true },
        where: {
          task_id: In(rows.map((row) => row.task_id)),
          model_version: In([...new Set(rows.map((row) => row.model_version))]),
        },
      });
      const taken = new Set(existing.map((row) => `${row.task_id} ${row.model_version}`));
      const fresh = rows.filter((row) => !taken.has(`${row.task_id} ${row.model_version}`));
      if (fresh.length > 0) {
        await this.importedAnnotations.insert(
          manager,
          project,
          { annotations: [], predictions: fresh },
          null,
        );
      }
      return fresh.map((row) => row.task_id);
    });
  }

  private rowOf(
    backend: MlBackend,
    project: Project,
    taskId: number,
    item: PredictionItem,
  ): ImportedPredictionRow | null {
    try {
      const result = checkedResult(item.result, project.parsed_label_config, {
        validate: this.config.VALIDATE_PREDICTIONS,
      });
      return {
        result,
        score: item.score,
        model_version: item.model_version ?? backend.model_version ?? '',
        task_id: taskId,
        project_id: backend.project_id,
      };
    } catch (error) {
      this.logger.warn(
        { err: error, backend: backend.id, task: taskId },
        'A prediction of the model server does not fit the label config; skipped',
      );
      return null;
    }
  }
}

/** Row locks on the tasks (PostgreSQL; SQLite runs one writing transaction at a time). */
async function lockTasks(manager: EntityManager, taskIds: number[]): Promise<void> {
  if (dialectOfManager(manager) !== 'postgres') return;
  await manager
    .createQueryBuilder(Task, 'task')
    .select('task.id')
    .where('task.id IN (:...ids)', { ids: [...new Set(taskIds)].sort((a, b) => a - b) })
    .orderBy('task.id', 'ASC')
    .setLock('pessimistic_write')
    .getMany();
}
