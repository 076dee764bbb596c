// Public API of @ls/prompts: models that predict (ML backends; LLM prompts later).
export { PromptsModule } from './lib/prompts.module';
export { PromptsHttpModule } from './lib/prompts-http.module';
export { MlBackend, ML_BACKEND_STATES, AUTH_METHODS } from './lib/ml/ml-backend.entity';
export type { MlAuthMethod, MlBackendState } from './lib/ml/ml-backend.entity';
export { MlBackendsService } from './lib/ml/ml-backends.service';
export { MlBackendCalls } from './lib/ml/ml-backend-calls.service';
export { ML_QUEUE, ML_PREDICT_JOB, ML_TRAIN_JOB } from './lib/ml/ml-jobs';
export {
  ModelProviderConnection,
  LLM_PROVIDERS,
  CONNECTION_SCOPES,
  BUDGET_RESET_PERIODS,
} from './lib/llm/connections/model-provider-connection.entity';
export type {
  LlmProviderName,
  ConnectionScope,
  BudgetResetPeriod,
} from './lib/llm/connections/model-provider-connection.entity';
export { ModelProviderConnections } from './lib/llm/connections/model-provider-connections.service';
export type { PromptVisibility } from './lib/llm/connections/connection-access';
export { ConnectionBudget, periodStart } from './lib/llm/budget/connection-budget';
export { BudgetExceededError } from './lib/llm/budget/budget-exceeded.error';
export { LlmProviders } from './lib/llm/providers/llm-providers';
export {
  LlmProviderError,
  LlmAuthError,
  LlmRateLimitedError,
  LlmServerError,
  LlmBadRequestError,
  LlmConnectionError,
} from './lib/llm/providers/llm-provider';
export type {
  LlmProvider,
  LlmMessage,
  LlmCompletion,
  LlmCompletionRequest,
  LlmUsage,
  LlmErrorKind,
} from './lib/llm/providers/llm-provider';
export { MODEL_PRICES, MODEL_PRICES_DATE, costOf, priceOf } from './lib/llm/providers/model-prices';
export type { ModelPrice } from './lib/llm/providers/model-prices';
/** Prompts (`ModelInterface`) and their versions (`ThirdPartyModelVersion`). */
export { Prompt } from './lib/llm/prompts/prompt.entity';
export { PromptProject } from './lib/llm/prompts/prompt-project.entity';
export { PromptVersion } from './lib/llm/prompts/prompt-version.entity';
export { PromptsService } from './lib/llm/prompts/prompts.service';
export { PromptVersionsService } from './lib/llm/prompts/prompt-versions.service';
export { PROMPT_RESOURCE, PROMPT_VERSION_RESOURCE } from './lib/llm/prompts/prompt-resources';
export { SKILL_NAMES, skillFit } from './lib/llm/prompts/prompt-skills';
export type { SkillFit, SkillName } from './lib/llm/prompts/prompt-skills';
export { parseTemplate, renderTemplate, templateFields } from './lib/llm/prompts/prompt-template';
/** Inference runs (`ModelRun`) and their per-task outcomes. */
export { ModelRun, MODEL_RUN_STATUSES, PROJECT_SUBSETS } from './lib/llm/runs/model-run.entity';
export type { ModelRunStatus, ProjectSubset } from './lib/llm/runs/model-run.entity';
export { ModelRunTask } from './lib/llm/runs/model-run-task.entity';
export { PROMPTS_QUEUE, PROMPTS_RUN_JOB } from './lib/llm/runs/run-jobs';
export { MODEL_RUN_RESOURCE } from './lib/llm/runs/run-resources';
export { RunRecovery } from './lib/llm/runs/run-recovery';
