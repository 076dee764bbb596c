import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppConfig, chunksOf } from '@ls/core';
import { ActionRun, DataManagerAction } from '@ls/data-manager';
import { Task } from '@ls/tasks';
import { ModelServerFailed } from '../ml-backend-calls.service';
import { MlBackendStateService } from '../ml-backend-state';
import { MlBackend } from '../ml-backend.entity';
import { MlPredictor } from '../predictions/ml-predictor';

/** Tasks read at once per backend: a few calls' worth, so memory stays flat on large selections. */
const CALLS_PER_READ = 10;

/**
 * The data manager's `retrieve_tasks_predictions`: every (non-interactive) ML backend of the
 * project predicts the selected tasks that have no prediction of its model version. On selections
 * over `ACTION_JOB_THRESHOLD_TASKS` it runs as the data manager's action job; it skips what is
 * predicted already, so a retried job stores nothing twice.
 */
@Injectable()
export class RetrievePredictionsAction implements DataManagerAction {
  readonly id = 'retrieve_tasks_predictions';
  readonly title = 'Retrieve Predictions';
  readonly order = 90;
  readonly permission = 'predictions.any';
  readonly requires = 'models.manage' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text:
      'Send the selected tasks to all ML backends connected to the project. This operation ' +
      'might be abruptly interrupted due to a timeout.',
    type: 'confirm' as const,
  };

  constructor(
    private readonly config: AppConfig,
    private readonly predictor: MlPredictor,
    private readonly states: MlBackendStateService,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async run({ projectId, taskIds }: ActionRun) {
    const backends = await this.backends.find({
      where: { project_id: projectId, is_interactive: false },
      order: { id: 'ASC' },
    });
    if (backends.length === 0) {
      throw new BadRequestException(
        'No ML backend is connected to this project: connect one in the project settings.',
      );
    }
    const ids = await taskIds();
    let predicted = 0;
    const errors: string[] = [];
    for (const backend of backends) {
      await this.states.refresh(backend);
      if (backend.state !== 'CO' && backend.state !== 'PR') {
        errors.push(backend.error_message ?? `ML backend ${backend.id} is not connected`);
        continue;
      }
      const error = await this.predictSelection(backend, ids, (count) => (predicted += count));
      if (error) errors.push(error);
    }
    if (errors.length === backends.length) throw new ModelServerFailed(errors.join('; '));
    return {
      processed_items: ids.length,
      detail: `Retrieved ${predicted} predictions`,
      ...(errors.length > 0 ? { errors } : {}),
    };
  }

  /** The backend's predictions of the selection, read in chunks; the first failure, if any. */
  private async predictSelection(
    backend: MlBackend,
    ids: number[],
    count: (predicted: number) => void,
  ): Promise<string | null> {
    for (const chunk of chunksOf(ids, this.config.ML_PREDICT_BATCH_SIZE * CALLS_PER_READ)) {
      const tasks = await this.tasks.find({ where: { id: In(chunk) }, order: { id: 'ASC' } });
      const outcome = await this.predictor.predictTasks(backend, tasks);
      count(outcome.predicted.length);
      if (outcome.error) return outcome.error;
    }
    return null;
  }
}
