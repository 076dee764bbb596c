import { BadRequestException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { AppConfig, JobQueue } from '@ls/core';
import { Task } from '@ls/tasks';
import { MlBackendStateService } from './ml-backend-state';
import { MlBackend } from './ml-backend.entity';
import { MlBackendsService } from './ml-backends.service';
import { ML_PREDICT_ATTEMPTS, ML_PREDICT_JOB, ML_QUEUE } from './ml-jobs';
import { MlBackendConnector } from './model-server/ml-backend-connector';
import { ModelServerClient } from './model-server/model-server-client';
import { MlPredictJobPayload } from './predictions/ml-predict.job';
import { MlPredictor } from './predictions/ml-predictor';
import { resultsOf } from './predictions/prediction-items';
import { MlTraining } from './training/ml-training';

/**
 * A model server that failed to answer a call the caller asked for: Label Studio's "Failed
 * Dependency", with the server's error (never a 500 of ours; docs/contract-deviations.md).
 */
export class ModelServerFailed extends HttpException {
  constructor(message: string) {
    super({ detail: message }, 424);
  }
}

const NOT_INTERACTIVE = 'Model is not set to be used for interactive preannotations';
const UPGRADE_MESSAGE = 'Upgrade your ML backend version to latest.';

/** What a caller asks a backend's model server to do: test, predict, train, versions. */
@Injectable()
export class MlBackendCalls {
  constructor(
    private readonly config: AppConfig,
    private readonly backends: MlBackendsService,
    private readonly states: MlBackendStateService,
    private readonly connector: MlBackendConnector,
    private readonly client: ModelServerClient,
    private readonly predictor: MlPredictor,
    private readonly training: MlTraining,
    private readonly queue: JobQueue,
    @InjectRepository(MlBackend) private readonly rows: Repository<MlBackend>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  /** `predict/test?random=true`: a prediction of a random task, shown and not stored. */
  async predictTest(auth: AuthContext, id: number, random: boolean) {
    const backend = await this.backends.get(auth, id, false);
    if (!random) {
      throw new HttpException(
        { detail: 'Not implemented - you must provide random=true query parameter' },
        501,
      );
    }
    const task = await this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId: backend.project_id })
      .orderBy('RANDOM()')
      .limit(1)
      .getOne();
    if (!task) {
      throw new BadRequestException(
        'Project has no tasks to run prediction on, import at least 1 task to run prediction',
      );
    }
    const [address, project] = await Promise.all([
      this.connector.address(backend),
      this.connector.project(backend.project_id),
    ]);
    const answer = await this.predictor.ask(backend, address, project, [task]);
    if (!answer.ok) throw new ModelServerFailed(answer.error);
    return {
      status: answer.exchange.status,
      error_message: null,
      url: answer.exchange.url,
      task: (answer.request as { tasks: unknown[] }).tasks[0],
      request: withoutPassword(answer.request),
      response: answer.exchange.body,
    };
  }

  /** `interactive-annotating`: the first result item, or `{errors}` (always a 200). */
  async interactive(auth: AuthContext, id: number, taskId: number, context: unknown) {
    const backend = await this.backends.get(auth, id, false);
    const task = await this.tasks.findOneBy({ id: taskId, project_id: backend.project_id });
    if (!task) throw new NotFoundException('Not found.');
    if (!backend.is_interactive) return { errors: [NOT_INTERACTIVE] };
    const [address, project] = await Promise.all([
      this.connector.address(backend),
      this.connector.project(backend.project_id),
    ]);
    const answer = await this.predictor.ask(backend, address, project, [task], {
      context: context ?? null,
      draftsOf: auth.user.id,
      timeoutMs: this.config.ML_TIMEOUT_INTERACTIVE_MS,
    });
    if (!answer.ok) return { errors: [answer.error] };
    return { data: (resultsOf(answer.exchange.body) ?? [])[0] };
  }

  /**
   * `versions`: the server's model versions. A server without the route (older ones) or one
   * that fails gives the backend's own version, with why in `message`: the version picker
   * still has the version in use.
   */
  async versions(auth: AuthContext, id: number): Promise<{ versions: string[]; message?: string }> {
    const backend = await this.backends.get(auth, id, false);
    const result = await this.client.versions(await this.connector.address(backend));
    if (result.ok) {
      const versions = (result.body as { versions?: unknown } | null)?.versions;
      return { versions: Array.isArray(versions) ? versions.map(String) : [] };
    }
    return {
      versions: backend.model_version ? [backend.model_version] : [],
      message: result.status === 404 ? UPGRADE_MESSAGE : result.error,
    };
  }

  /** `train`: the backend is `TR` once the server took it, else `ER` and a 424 with the error. */
  async train(auth: AuthContext, id: number, useGroundTruth: boolean): Promise<void> {
    const backend = await this.backends.get(auth, id, false);
    const result = await this.training.train(backend, useGroundTruth);
    if (!result.ok) throw new ModelServerFailed(result.error);
  }

  /**
   * `predict`: queues the job predicting the project's tasks (one per backend at a time; asking
   * again while it waits or runs names the same job).
   */
  async startPredictions(auth: AuthContext, id: number, batchSize?: number) {
    const backend = await this.backends.get(auth, id, false);
    if (await this.states.predicting(backend)) {
      return { status: 'ok', job: backend.predict_job };
    }
    const jobId = `ml-predict-${backend.id}-${randomUUID()}`;
    // recorded before the job can start, so that the job's end is never overwritten by this
    await this.rows.update({ id: backend.id }, { predict_job: jobId, state: 'PR' });
    await this.queue.enqueue<MlPredictJobPayload>(
      ML_QUEUE,
      ML_PREDICT_JOB,
      { backendId: backend.id, batchSize: batchSize ?? this.config.ML_PREDICT_BATCH_SIZE },
      { jobId, attempts: ML_PREDICT_ATTEMPTS, backoff: { type: 'exponential', delayMs: 1000 } },
    );
    return { status: 'ok', job: jobId };
  }
}

/** A predict body as shown to the caller: the task data password left out. */
function withoutPassword(request: object): object {
  const params = (request as { params?: Record<string, unknown> }).params;
  return params ? { ...request, params: { ...params, password: undefined } } : request;
}
