import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Annotation,
  ImportedAnnotations,
  ImportedPredictionRow,
  Prediction,
} from '@ls/annotations';
import { dialectOfManager, TransactionRunner } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { ModelRunTask } from './model-run-task.entity';
import { ModelRun } from './model-run.entity';
import { agrees, itemsOf, OutputTarget } from './run-output';

/** What a run learnt about one task: a checked result to store, or why there is none. */
export interface TaskOutcome {
  taskId: number;
  result: Record<string, unknown>[] | null;
  error: string | null;
  costUsd: number;
}

export interface RecordedOutcomes {
  /** False when the run was no longer open (cancelled, finished): nothing was written. */
  open: boolean;
  predictions: number;
  failures: number;
}

const ROWS_PER_INSERT = 200;

/**
 * Writes outcomes of a run: in one transaction per batch, with the run's row locked, the
 * `model_run_task` rows, the predictions (through the annotations library, which recounts the
 * tasks), replacing this version's earlier predictions on those tasks, and the run's counters.
 * A task the run has an outcome for already is skipped, so a re-delivered batch writes nothing.
 */
@Injectable()
export class RunOutcomes {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly importedAnnotations: ImportedAnnotations,
  ) {}

  async record(
    run: ModelRun,
    project: Project,
    modelVersion: string,
    target: OutputTarget,
    outcomes: TaskOutcome[],
  ): Promise<RecordedOutcomes> {
    if (outcomes.length === 0) return { open: true, predictions: 0, failures: 0 };
    return this.transactions.run(async ({ manager }) => {
      const current = await lockedRun(manager, run.id);
      if (!current || (current.status !== 'Pending' && current.status !== 'InProgress')) {
        return { open: false, predictions: 0, failures: 0 };
      }
      const taskIds = [...new Set(outcomes.map((outcome) => outcome.taskId))];
      const done = await manager.find(ModelRunTask, {
        select: { task_id: true },
        where: { run_id: run.id, task_id: In(taskIds) },
      });
      const seen = new Set(done.map((row) => row.task_id));
      const fresh = outcomes.filter((outcome) => {
        if (seen.has(outcome.taskId)) return false;
        seen.add(outcome.taskId);
        return true;
      });
      if (fresh.length === 0) return { open: true, predictions: 0, failures: 0 };
      const predicted = fresh.filter((outcome) => outcome.result !== null);
      const predictionIds = await this.storePredictions(
        manager,
        run,
        project,
        modelVersion,
        predicted,
      );
      const truth =
        run.project_subset === 'HasGT'
          ? await groundTruthOf(
              manager,
              predicted.map((outcome) => outcome.taskId),
            )
          : new Map<number, unknown>();
      let correct = 0;
      const rows = fresh.map((outcome) => {
        let agreement: boolean | null = null;
        if (outcome.result !== null && truth.has(outcome.taskId)) {
          agreement = agrees(
            itemsOf(target, outcome.result),
            itemsOf(target, truth.get(outcome.taskId)),
          );
          if (agreement) correct += 1;
        }
        return {
          run_id: run.id,
          task_id: outcome.taskId,
          prediction_id: predictionIds.get(outcome.taskId) ?? null,
          error: outcome.result === null ? (outcome.error ?? 'No prediction') : null,
          correct: agreement,
          cost_usd: outcome.costUsd,
        };
      });
      for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
        await manager.insert(ModelRunTask, rows.slice(at, at + ROWS_PER_INSERT));
      }
      const failures = fresh.length - predicted.length;
      await manager
        .createQueryBuilder()
        .update(ModelRun)
        .set({
          total_predictions: () => 'total_predictions + :predictions',
          total_correct_predictions: () => 'total_correct_predictions + :correct',
          total_failed_predictions: () => 'total_failed_predictions + :failures',
          total_cost_usd: () => 'total_cost_usd + :cost',
          predictions_updated_at: new Date(),
        })
        .where('id = :id', { id: run.id })
        .setParameters({
          predictions: predicted.length,
          correct,
          failures,
          cost: fresh.reduce((sum, outcome) => sum + outcome.costUsd, 0),
        })
        .execute();
      return { open: true, predictions: predicted.length, failures };
    });
  }

  /** Inserts the predictions, replacing the version's earlier ones; task id → prediction id. */
  private async storePredictions(
    manager: EntityManager,
    run: ModelRun,
    project: Project,
    modelVersion: string,
    predicted: TaskOutcome[],
  ): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    if (predicted.length === 0) return ids;
    const taskIds = predicted.map((outcome) => outcome.taskId);
    await lockTasks(manager, taskIds);
    await manager
      .createQueryBuilder()
      .delete()
      .from(Prediction)
      .where('task_id IN (:...taskIds)', { taskIds })
      .andWhere('model_run_id IN (SELECT r.id FROM model_run r WHERE r.version_id = :versionId)', {
        versionId: run.version_id,
      })
      .execute();
    const rows = predicted.map((outcome) => {
      const row: ImportedPredictionRow & { model_run_id: number } = {
        result: outcome.result as unknown[],
        score: null,
        model_version: modelVersion,
        task_id: outcome.taskId,
        project_id: run.project_id,
        model_run_id: run.id,
      };
      return row;
    });
    await this.importedAnnotations.insert(
      manager,
      project,
      { annotations: [], predictions: rows },
      null,
    );
    const stored = await manager.find(Prediction, {
      select: { id: true, task_id: true },
      where: { model_run_id: run.id, task_id: In(taskIds) },
    });
    for (const row of stored) ids.set(row.task_id, row.id);
    return ids;
  }
}

/** The run's row, locked for the transaction on PostgreSQL (SQLite writes one at a time). */
async function lockedRun(manager: EntityManager, id: number): Promise<ModelRun | null> {
  const query = manager.createQueryBuilder(ModelRun, 'run').where('run.id = :id', { id });
  if (dialectOfManager(manager) === 'postgres') query.setLock('pessimistic_write');
  return query.getOne();
}

/** Row locks on the tasks, in id order so concurrent writers cannot deadlock (PostgreSQL). */
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

/** The result of each task's ground truth annotation (the newest, should there be several). */
export async function groundTruthOf(
  manager: EntityManager,
  taskIds: number[],
): Promise<Map<number, unknown>> {
  const truth = new Map<number, unknown>();
  if (taskIds.length === 0) return truth;
  const rows = await manager.find(Annotation, {
    select: { id: true, task_id: true, result: true },
    where: { task_id: In(taskIds), ground_truth: true, was_cancelled: false },
    order: { id: 'ASC' },
  });
  for (const row of rows) truth.set(row.task_id, row.result);
  return truth;
}
