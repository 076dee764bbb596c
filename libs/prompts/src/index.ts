// Public API of @ls/prompts: models that predict (ML backends; LLM prompts later).
export { PromptsModule } from './lib/prompts.module';
export { PromptsHttpModule } from './lib/prompts-http.module';
export { MlBackend, ML_BACKEND_STATES, AUTH_METHODS } from './lib/ml/ml-backend.entity';
export type { MlAuthMethod, MlBackendState } from './lib/ml/ml-backend.entity';
export { MlBackendsService } from './lib/ml/ml-backends.service';
export { MlBackendCalls } from './lib/ml/ml-backend-calls.service';
export { ML_QUEUE, ML_PREDICT_JOB, ML_TRAIN_JOB } from './lib/ml/ml-jobs';
