import type {
  ConnectionSecrets,
  LlmProviderName,
} from '../connections/model-provider-connection.entity';
import type { FetchFunction } from './guarded-fetch';

/** What an adapter needs to reach a provider: a connection's fields with its opened secrets. */
export interface ProviderSettings {
  provider: LlmProviderName;
  endpoint: string | null;
  deployment_name: string | null;
  google_project_id: string | null;
  google_location: string | null;
  secrets: ConnectionSecrets;
}

/** What every adapter is built with besides the settings. */
export interface ProviderEnvironment {
  fetch: FetchFunction;
  timeoutMs: number;
  /** The server's base URL setting for the provider (`LLM_*_BASE_URL`); '' for the SDK default. */
  baseUrl: string;
}

/** The Azure OpenAI API version the adapters speak. */
export const AZURE_API_VERSION = '2024-10-21';
/** The Azure AI Foundry (model inference) API version. */
export const FOUNDRY_API_VERSION = '2024-05-01-preview';
