import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig, chunksOf } from '@ls/core';
import { Task } from '@ls/tasks';
import { MlBackend } from '../ml-backend.entity';
import { MlBackendConnector, ProtocolProject } from '../model-server/ml-backend-connector';
import {
  ModelServerAddress,
  ModelServerClient,
  ModelServerResult,
} from '../model-server/model-server-client';
import { ModelTaskPayloads } from './model-task-payloads';
import { MlPredictionStore } from './ml-prediction-store';
import { PredictionItem, predictionItemOf, resultsOf } from './prediction-items';

/** What one `/predict` call gave: an item (or null) per task sent, or why there is none. */
export type PredictAnswer = { request: object } & (
  | { ok: true; items: (PredictionItem | null)[]; exchange: ModelServerResult & { ok: true } }
  | { ok: false; error: string; exchange: ModelServerResult }
);

/** What predicting a set of tasks did. */
export interface PredictOutcome {
  /** Tasks that received a prediction. */
  predicted: number[];
  /** The first model server failure, if any (the tasks after it were not sent). */
  error: string | null;
}

/** Asks a backend's model server for predictions and stores them (behavior.md 9.3). */
@Injectable()
export class MlPredictor {
  private readonly logger = new Logger(MlPredictor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly client: ModelServerClient,
    private readonly connector: MlBackendConnector,
    private readonly payloads: ModelTaskPayloads,
    private readonly store: MlPredictionStore,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  /**
   * Predictions for those of `tasks` (one project, the backend's) that have none of the backend's
   * model version, `batchSize` tasks per call, stopping at the first failing call.
   */
  async predictTasks(
    backend: MlBackend,
    tasks: Task[],
    batchSize = this.config.ML_PREDICT_BATCH_SIZE,
  ): Promise<PredictOutcome> {
    const missing = await this.withoutPrediction(backend, tasks);
    const outcome: PredictOutcome = { predicted: [], error: null };
    if (missing.length === 0) return outcome;
    const [address, project] = await Promise.all([
      this.connector.address(backend),
      this.connector.project(backend.project_id),
    ]);
    for (const batch of chunksOf(missing, batchSize)) {
      const answer = await this.predictBatch(backend, address, project, batch);
      if (!answer.ok) {
        outcome.error = answer.error;
        break;
      }
      outcome.predicted.push(
        ...(await this.store.store(
          backend,
          batch.map((task, index) => ({ taskId: task.id, item: answer.items[index] })),
        )),
      );
    }
    return outcome;
  }

  /** One `/predict` call for `tasks`, with the drafts of `draftsOf` and the caller's `context`. */
  async ask(
    backend: MlBackend,
    address: ModelServerAddress,
    project: ProtocolProject,
    tasks: Task[],
    options: { context?: unknown; draftsOf?: number; timeoutMs?: number } = {},
  ): Promise<PredictAnswer> {
    const request = this.connector.predictBody(
      project,
      await this.payloads.of(tasks, options.draftsOf),
      options.context ?? null,
    );
    const exchange = await this.client.predict(
      address,
      request,
      options.timeoutMs ?? Math.round(backend.timeout * 1000),
    );
    if (!exchange.ok) return { ok: false, error: exchange.error, exchange, request };
    const results = resultsOf(exchange.body);
    if (!results) {
      const error = `The answer of ${exchange.url} has no results list`;
      return { ok: false, error, exchange, request };
    }
    if (results.length !== tasks.length) {
      const error = `${exchange.url} answered ${results.length} results for ${tasks.length} tasks`;
      return { ok: false, error, exchange, request };
    }
    return { ok: true, items: results.map(predictionItemOf), exchange, request };
  }

  /**
   * A batch; a server that answers a single result to several tasks (older model servers predict
   * the first task only) is asked again one task at a time, as Label Studio does.
   */
  private async predictBatch(
    backend: MlBackend,
    address: ModelServerAddress,
    project: ProtocolProject,
    batch: Task[],
  ): Promise<PredictAnswer> {
    const answer = await this.ask(backend, address, project, batch);
    const single =
      !answer.ok &&
      batch.length > 1 &&
      answer.exchange.ok &&
      resultsOf(answer.exchange.body)?.length === 1;
    if (!single) return answer;
    this.logger.warn({ backend: backend.id }, 'Model server predicts one task per call');
    const items: (PredictionItem | null)[] = [];
    for (const task of batch) {
      const one = await this.ask(backend, address, project, [task]);
      if (!one.ok) return one;
      items.push(one.items[0]);
    }
    const exchange = answer.exchange as ModelServerResult & { ok: true };
    return { ok: true, items, exchange, request: answer.request };
  }

  private async withoutPrediction(backend: MlBackend, tasks: Task[]): Promise<Task[]> {
    if (tasks.length === 0) return [];
    const ids = tasks.map((task) => task.id);
    const predicted = new Set<number>();
    for (const chunk of chunksOf(ids)) {
      const rows: { task_id: number }[] = await this.tasks.manager
        .createQueryBuilder()
        .select('prediction.task_id', 'task_id')
        .from('prediction', 'prediction')
        .where('prediction.task_id IN (:...chunk)', { chunk })
        .andWhere('prediction.model_version = :version', { version: backend.model_version ?? '' })
        .getRawMany();
      for (const row of rows) predicted.add(Number(row.task_id));
    }
    return tasks.filter((task) => !predicted.has(task.id));
  }
}
