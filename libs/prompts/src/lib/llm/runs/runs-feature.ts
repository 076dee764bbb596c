import { InferenceRunsController } from './http/inference-runs.controller';
import { ModelRunCallbacksController } from './http/model-run-callbacks.controller';
import { RunIndicatorsController } from './http/run-indicators.controller';
import { InferenceRunJob } from './inference-run.job';
import { ModelRunTask } from './model-run-task.entity';
import { ModelRun } from './model-run.entity';
import { ModelRunsService } from './model-runs.service';
import { RunCallbacks } from './run-callbacks.service';
import { RunIndicators } from './run-indicators';
import { RunOutcomes } from './run-outcomes';
import { RunRecovery } from './run-recovery';
import { RunResources } from './run-resources';
import { RunStates } from './run-states';

/** What inference runs add to `PromptsModule` and `PromptsHttpModule`. */
export const RUN_ENTITIES = [ModelRun, ModelRunTask];
export const RUN_PROVIDERS = [
  RunStates,
  RunOutcomes,
  ModelRunsService,
  RunCallbacks,
  RunIndicators,
  RunResources,
  InferenceRunJob,
  RunRecovery,
];
export const RUN_CONTROLLERS = [
  InferenceRunsController,
  ModelRunCallbacksController,
  RunIndicatorsController,
];
