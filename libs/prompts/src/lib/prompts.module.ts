import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Annotation, AnnotationDraft, AnnotationsModule, Prediction } from '@ls/annotations';
import { registerMigrations } from '@ls/core';
import { DataManagerModule } from '@ls/data-manager';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { PROMPTS_MIGRATIONS } from '../migrations';
import { ConnectionBudget } from './llm/budget/connection-budget';
import { LlmExtensions } from './llm/connections/llm-extensions';
import { ModelProviderConnection } from './llm/connections/model-provider-connection.entity';
import { ModelProviderConnections } from './llm/connections/model-provider-connections.service';
import { GuardedFetch } from './llm/providers/guarded-fetch';
import { LlmProviders } from './llm/providers/llm-providers';
import { LlmProxy } from './llm/proxy/llm-proxy.service';
import { PROMPT_ENTITIES, PROMPT_PROVIDERS } from './llm/prompts/prompts-feature';
import { COST_PROVIDERS } from './llm/cost/cost-feature';
import { REFINE_ENTITIES, REFINE_PROVIDERS } from './llm/refine/refine-feature';
import { RUN_ENTITIES, RUN_PROVIDERS } from './llm/runs/runs-feature';
import { MlPrelabeling } from './ml/data-manager/ml-prelabeling';
import { RetrievePredictionsAction } from './ml/data-manager/retrieve-predictions.action';
import { MlBackendCalls } from './ml/ml-backend-calls.service';
import { MlBackendStateService } from './ml/ml-backend-state';
import { MlBackend } from './ml/ml-backend.entity';
import { MlBackendsService } from './ml/ml-backends.service';
import { MlExtensions } from './ml/ml-extensions';
import { MlBackendConnector } from './ml/model-server/ml-backend-connector';
import { ModelServerClient } from './ml/model-server/model-server-client';
import { MlPredictJob } from './ml/predictions/ml-predict.job';
import { MlPredictionStore } from './ml/predictions/ml-prediction-store';
import { MlPredictor } from './ml/predictions/ml-predictor';
import { ModelTaskPayloads } from './ml/predictions/model-task-payloads';
import { MlTrainJob } from './ml/training/ml-train.job';
import { MlTraining } from './ml/training/ml-training';
import { TrainingTriggerListener } from './ml/training/training-trigger.listener';

registerMigrations('prompts', PROMPTS_MIGRATIONS);

/** Models that predict: ML backends (model servers) and, later, LLM prompts. */
@Module({
  imports: [
    AnnotationsModule,
    DataManagerModule,
    TypeOrmModule.forFeature([
      MlBackend,
      Project,
      Task,
      Annotation,
      Prediction,
      AnnotationDraft,
      ModelProviderConnection,
      ...PROMPT_ENTITIES,
      ...REFINE_ENTITIES,
      ...RUN_ENTITIES,
    ]),
  ],
  providers: [
    ModelServerClient,
    MlBackendConnector,
    MlBackendStateService,
    MlBackendsService,
    MlBackendCalls,
    ModelTaskPayloads,
    MlPredictionStore,
    MlPredictor,
    MlPredictJob,
    MlTraining,
    MlTrainJob,
    TrainingTriggerListener,
    RetrievePredictionsAction,
    MlPrelabeling,
    MlExtensions,
    GuardedFetch,
    LlmProviders,
    ModelProviderConnections,
    ConnectionBudget,
    LlmProxy,
    LlmExtensions,
    ...PROMPT_PROVIDERS,
    ...COST_PROVIDERS,
    ...REFINE_PROVIDERS,
    ...RUN_PROVIDERS,
  ],
  exports: [
    MlBackendsService,
    MlBackendCalls,
    ModelProviderConnections,
    ConnectionBudget,
    LlmProviders,
    LlmProxy,
    ...PROMPT_PROVIDERS,
    ...COST_PROVIDERS,
    ...REFINE_PROVIDERS,
    ...RUN_PROVIDERS,
  ],
})
export class PromptsModule {}
