// Public API of @ls/prompts: models that predict (ML backends; LLM prompts later).
export { PromptsModule } from './lib/prompts.module';
export { PromptsHttpModule } from './lib/prompts-http.module';
