import type { LlmProviderName } from './model-provider-connection.entity';

/** A field a connection of some provider must carry (a secret or a plain setting). */
export type RequiredField =
  | 'api_key'
  | 'endpoint'
  | 'deployment_name'
  | 'google_application_credentials'
  | 'google_project_id'
  | 'google_location';

/** What each provider needs on create (behavior-enterprise §6.7). */
export const REQUIRED_FIELDS: Record<LlmProviderName, RequiredField[]> = {
  OpenAI: ['api_key'],
  AzureOpenAI: ['api_key', 'endpoint', 'deployment_name'],
  AzureAIFoundry: ['api_key', 'endpoint'],
  VertexAI: ['google_application_credentials', 'google_project_id', 'google_location'],
  Gemini: ['api_key'],
  Anthropic: ['api_key'],
  Custom: ['endpoint'],
};

const COMMON_PARAMS = {
  temperature: { type: 'number', minimum: 0, maximum: 2, default: 0 },
  max_tokens: { type: 'integer', minimum: 1 },
};

/** `model_params`: the JSON schema of the parameters a call to the provider accepts. */
export function modelParamsOf(provider: LlmProviderName): string {
  const properties =
    provider === 'Anthropic'
      ? { ...COMMON_PARAMS, temperature: { type: 'number', minimum: 0, maximum: 1, default: 0 } }
      : COMMON_PARAMS;
  return JSON.stringify({ type: 'object', properties });
}
