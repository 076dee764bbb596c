import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import { AppConfig } from '@ls/core';
import type { LlmProviderName } from '../connections/model-provider-connection.entity';
import { AnthropicProvider } from './anthropic.provider';
import { GeminiProvider } from './gemini.provider';
import { GuardedFetch } from './guarded-fetch';
import { LlmProvider } from './llm-provider';
import { OpenAiCompatibleProvider, openAiClient } from './openai-compatible.provider';
import { ProviderEnvironment, ProviderSettings } from './provider-settings';
import { parseServiceAccount, VertexCredentials } from './vertex-credentials';

const ANTHROPIC_DEFAULT = 'https://api.anthropic.com';
const GEMINI_DEFAULT = 'https://generativelanguage.googleapis.com';

/** The adapter (`LlmProvider`) for a connection's settings; all traffic through `GuardedFetch`. */
@Injectable()
export class LlmProviders {
  constructor(
    private readonly config: AppConfig,
    private readonly guardedFetch: GuardedFetch,
  ) {}

  for(settings: ProviderSettings): LlmProvider {
    const environment = this.environment(settings.provider);
    switch (settings.provider) {
      case 'Anthropic':
        return new AnthropicProvider(settings, environment);
      case 'Gemini':
      case 'VertexAI':
        return new GeminiProvider(settings, environment);
      default:
        return new OpenAiCompatibleProvider(settings, environment);
    }
  }

  /**
   * An `openai` client on the provider's OpenAI-compatible chat completions endpoint (Anthropic
   * and Gemini have one, Vertex AI one per project and location), for the proxy.
   */
  async openAiCompatible(settings: ProviderSettings): Promise<OpenAI> {
    const environment = this.environment(settings.provider);
    const base = (url: string) => url.replace(/\/+$/, '');
    switch (settings.provider) {
      case 'Anthropic':
        return openAiClient(
          { ...settings, provider: 'OpenAI' },
          environment,
          `${base(environment.baseUrl || ANTHROPIC_DEFAULT)}/v1/`,
        );
      case 'Gemini':
        return openAiClient(
          { ...settings, provider: 'OpenAI' },
          environment,
          `${base(environment.baseUrl || GEMINI_DEFAULT)}/v1beta/openai/`,
        );
      case 'VertexAI': {
        const location = settings.google_location ?? '';
        const credentials = new VertexCredentials(
          parseServiceAccount(settings.secrets.google_application_credentials ?? ''),
          environment.fetch,
        );
        const token = await credentials.accessToken();
        const host = base(environment.baseUrl || `https://${location}-aiplatform.googleapis.com`);
        return openAiClient(
          { ...settings, provider: 'OpenAI', secrets: { api_key: token } },
          environment,
          `${host}/v1/projects/${settings.google_project_id ?? ''}/locations/${location}/endpoints/openapi/`,
        );
      }
      default:
        return openAiClient(settings, environment);
    }
  }

  private environment(provider: LlmProviderName): ProviderEnvironment {
    const baseUrls: Partial<Record<LlmProviderName, string>> = {
      OpenAI: this.config.LLM_OPENAI_BASE_URL,
      Anthropic: this.config.LLM_ANTHROPIC_BASE_URL,
      Gemini: this.config.LLM_GEMINI_BASE_URL,
      VertexAI: this.config.LLM_VERTEXAI_BASE_URL,
    };
    return {
      fetch: this.guardedFetch.fetch,
      timeoutMs: this.config.LLM_TIMEOUT_MS,
      baseUrl: baseUrls[provider] ?? '',
    };
  }
}
