import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, Max, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { Task } from '@ls/tasks';
import { MlBackendStateService } from '../ml-backend-state';
import { MlBackend } from '../ml-backend.entity';
import { ML_PREDICT_ATTEMPTS, ML_PREDICT_JOB, ML_QUEUE } from '../ml-jobs';
import { MlPredictor } from './ml-predictor';

export class MlPredictJobPayload {
  @IsInt()
  @Min(1)
  backendId!: number;

  /** Tasks per `/predict` call. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  batchSize!: number;
}

export interface MlPredictJobResult {
  predicted: number;
  error: string | null;
}

/**
 * Predicts every task of a backend's project that has no prediction of the backend's model
 * version (Label Studio Enterprise's `POST /api/ml/{id}/predict`), a batch per call, in task id
 * order. The backend is `PR` while it runs, then `CO`, or `ER` with the model server's error. Each
 * batch commits on its own and skips tasks predicted already, so a job retried after its process
 * died goes on where the last commit left it and stores nothing twice.
 */
@JobProcessor({ queue: ML_QUEUE, name: ML_PREDICT_JOB, payload: MlPredictJobPayload })
@Injectable()
export class MlPredictJob implements JobHandler<MlPredictJobPayload, MlPredictJobResult> {
  private readonly logger = new Logger(MlPredictJob.name);

  constructor(
    private readonly predictor: MlPredictor,
    private readonly states: MlBackendStateService,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async handle(job: JobExecution<MlPredictJobPayload>): Promise<MlPredictJobResult> {
    const { backendId, batchSize } = job.payload;
    const backend = await this.backends.findOneBy({ id: backendId });
    if (!backend) return { predicted: 0, error: null };
    try {
      return await this.predictAll(job, backend, batchSize);
    } catch (error) {
      if (job.attempt >= ML_PREDICT_ATTEMPTS) {
        await this.finish(backend, job.id, `Predictions failed: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  private async predictAll(
    job: JobExecution<MlPredictJobPayload>,
    backend: MlBackend,
    batchSize: number,
  ): Promise<MlPredictJobResult> {
    // the model version to predict with is the one the server reports now
    await this.states.refresh(backend);
    if (backend.state !== 'PR' && backend.state !== 'CO') {
      await this.finish(backend, job.id, backend.error_message ?? 'ML backend is not connected');
      return { predicted: 0, error: backend.error_message };
    }
    const total = await this.missing(backend, 0, null).getCount();
    let predicted = 0;
    let after = 0;
    for (;;) {
      const batch = await this.missing(backend, after, batchSize).getMany();
      if (batch.length === 0) break;
      const outcome = await this.predictor.predictTasks(backend, batch, batchSize);
      predicted += outcome.predicted.length;
      if (outcome.error) {
        await this.finish(backend, job.id, outcome.error);
        return { predicted, error: outcome.error };
      }
      after = batch[batch.length - 1].id;
      if (total > 0) await job.reportProgress(Math.min(100, Math.round((predicted / total) * 100)));
    }
    await this.finish(backend, job.id, null);
    this.logger.log({ backend: backend.id, predicted }, 'Predictions stored');
    return { predicted, error: null };
  }

  /** The project's tasks after `after` (by id) without a prediction of the backend's version. */
  private missing(backend: MlBackend, after: number, limit: number | null) {
    const query = this.tasks
      .createQueryBuilder('task')
      .where('task.project_id = :projectId', { projectId: backend.project_id })
      .andWhere('task.id > :after', { after })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM prediction p WHERE p.task_id = task.id AND p.model_version = :version)',
        { version: backend.model_version ?? '' },
      )
      .orderBy('task.id', 'ASC');
    return limit === null ? query : query.take(limit);
  }

  /** Back to `CO` (or `ER` with `error`), unless another predict job took the backend over. */
  private async finish(backend: MlBackend, jobId: string, error: string | null): Promise<void> {
    await this.backends
      .createQueryBuilder()
      .update()
      .set({
        state: error ? 'ER' : 'CO',
        error_message: error,
        predict_job: null,
      })
      .where('id = :id AND (predict_job = :jobId OR predict_job IS NULL)', {
        id: backend.id,
        jobId,
      })
      .execute();
  }
}
