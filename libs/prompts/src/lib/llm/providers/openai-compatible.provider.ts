import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import {
  errorOfStatus,
  LlmBadRequestError,
  LlmCompletion,
  LlmCompletionRequest,
  LlmConnectionError,
  LlmProvider,
  LlmProviderError,
} from './llm-provider';
import {
  AZURE_API_VERSION,
  FOUNDRY_API_VERSION,
  ProviderEnvironment,
  ProviderSettings,
} from './provider-settings';

/**
 * The `openai` client for a connection that speaks OpenAI's API: OpenAI itself, Azure OpenAI (one
 * deployment), Azure AI Foundry and `Custom` endpoints (vLLM, Ollama, gateways). `baseURL` is
 * the one to use instead of the provider's own (the proxy reaches Anthropic and Gemini through
 * their OpenAI-compatible endpoints this way).
 */
export function openAiClient(
  settings: ProviderSettings,
  environment: ProviderEnvironment,
  baseURL?: string,
): OpenAI {
  const { api_key: apiKey, auth_token: authToken } = settings.secrets;
  const common = { fetch: environment.fetch, maxRetries: 0, timeout: environment.timeoutMs };
  switch (settings.provider) {
    case 'AzureOpenAI':
      return new AzureOpenAI({
        ...common,
        apiKey: apiKey ?? '',
        endpoint: settings.endpoint ?? '',
        deployment: settings.deployment_name ?? undefined,
        apiVersion: AZURE_API_VERSION,
      });
    case 'AzureAIFoundry':
      return new OpenAI({
        ...common,
        apiKey: apiKey ?? '',
        baseURL: settings.endpoint ?? '',
        defaultHeaders: { 'api-key': apiKey ?? '' },
        defaultQuery: { 'api-version': FOUNDRY_API_VERSION },
      });
    case 'Custom':
      // An auth token takes the Authorization header (with its scheme, Bearer when it has none);
      // an API key then travels as `api-key`, else it is the bearer token as with OpenAI.
      return new OpenAI({
        ...common,
        apiKey: apiKey || 'none',
        baseURL: settings.endpoint ?? '',
        defaultHeaders: authToken
          ? {
              Authorization: /\s/.test(authToken.trim()) ? authToken.trim() : `Bearer ${authToken}`,
              ...(apiKey ? { 'api-key': apiKey } : {}),
            }
          : undefined,
      });
    default:
      return new OpenAI({
        ...common,
        apiKey: apiKey ?? '',
        baseURL: baseURL ?? (environment.baseUrl || undefined),
      });
  }
}

/** The typed error for what the `openai` SDK threw. */
export function openAiError(error: unknown): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  // A caller's abort (cancel) is no provider failure: it goes on as it came.
  if (error instanceof OpenAI.APIUserAbortError) throw error;
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmConnectionError(
      error.cause instanceof Error ? error.cause.message : error.message,
    );
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const body = error.error as { message?: unknown } | undefined;
    const message = typeof body?.message === 'string' ? body.message : error.message;
    return errorOfStatus(error.status, message, error.headers?.get('retry-after') ?? null);
  }
  return new LlmConnectionError(error instanceof Error ? error.message : String(error));
}

export class OpenAiCompatibleProvider implements LlmProvider {
  private readonly client: OpenAI;

  constructor(
    private readonly settings: ProviderSettings,
    environment: ProviderEnvironment,
  ) {
    this.client = openAiClient(settings, environment);
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await this.client.models.list({ signal });
      const ids = page.data.map((model) => model.id);
      // One Azure deployment serves one model: the deployment is what calls name.
      if (this.settings.provider === 'AzureOpenAI') return [this.settings.deployment_name ?? ''];
      return ids;
    } catch (error) {
      throw openAiError(error);
    }
  }

  async complete(request: LlmCompletionRequest): Promise<LlmCompletion> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: request.model,
      messages: request.messages,
      ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
      ...(request.responseSchema
        ? {
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'output', schema: request.responseSchema },
            },
          }
        : {}),
    };
    let answer: OpenAI.Chat.Completions.ChatCompletion;
    try {
      answer = await this.client.chat.completions.create(body, { signal: request.signal });
    } catch (error) {
      throw openAiError(error);
    }
    const text = answer.choices?.[0]?.message?.content ?? '';
    if (typeof text !== 'string') throw new LlmBadRequestError('The model answered no text');
    return {
      text,
      ...(request.responseSchema ? parsedJson(text) : {}),
      usage: {
        inputTokens: answer.usage?.prompt_tokens ?? 0,
        outputTokens: answer.usage?.completion_tokens ?? 0,
      },
    };
  }
}

/** `{parsed}` when `text` is JSON (a fenced block is unwrapped), else nothing. */
export function parsedJson(text: string): { parsed?: unknown } {
  const unfenced = text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    return { parsed: JSON.parse(unfenced) };
  } catch {
    return {};
  }
}
