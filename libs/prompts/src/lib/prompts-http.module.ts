import { Module } from '@nestjs/common';
import { PROMPT_CONTROLLERS } from './llm/prompts/prompts-feature';
import { COST_CONTROLLERS } from './llm/cost/cost-feature';
import { REFINE_CONTROLLERS } from './llm/refine/refine-feature';
import { RUN_CONTROLLERS } from './llm/runs/runs-feature';
import { ModelProviderConnectionsController } from './llm/connections/http/model-provider-connections.controller';
import { LlmProxyController } from './llm/proxy/llm-proxy.controller';
import { MlBackendsController } from './ml/http/ml-backends.controller';
import { PromptsModule } from './prompts.module';

@Module({
  imports: [PromptsModule],
  controllers: [
    MlBackendsController,
    ModelProviderConnectionsController,
    LlmProxyController,
    ...PROMPT_CONTROLLERS,
    ...COST_CONTROLLERS,
    ...REFINE_CONTROLLERS,
    ...RUN_CONTROLLERS,
  ],
})
export class PromptsHttpModule {}
