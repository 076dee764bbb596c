import { ApiError, GoogleGenAI } from '@google/genai';
import type { GoogleGenAIOptions } from '@google/genai';
import {
  errorOfStatus,
  LlmCompletion,
  LlmCompletionRequest,
  LlmConnectionError,
  LlmProvider,
  LlmProviderError,
} from './llm-provider';
import { parsedJson } from './openai-compatible.provider';
import { ProviderEnvironment, ProviderSettings } from './provider-settings';
import { parseServiceAccount, VertexCredentials } from './vertex-credentials';

function geminiError(error: unknown): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  if (error instanceof ApiError) {
    return errorOfStatus(error.status, providerMessage(error.message));
  }
  if (error instanceof Error && error.name === 'AbortError') throw error;
  return new LlmConnectionError(error instanceof Error ? error.message : String(error));
}

/** The `message` of Google's JSON error body inside the SDK's error text, else the text. */
function providerMessage(text: string): string {
  const start = text.indexOf('{');
  if (start < 0) return text;
  try {
    const body = JSON.parse(text.slice(start)) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : text;
  } catch {
    return text;
  }
}

/**
 * Gemini (API key) and Vertex AI (service account, project, location) through `@google/genai`;
 * structured answers with a response JSON schema.
 */
export class GeminiProvider implements LlmProvider {
  private readonly client: GoogleGenAI;
  private readonly vertex: boolean;

  constructor(settings: ProviderSettings, environment: ProviderEnvironment) {
    this.vertex = settings.provider === 'VertexAI';
    const httpOptions = {
      ...(environment.baseUrl ? { baseUrl: environment.baseUrl } : {}),
      fetch: environment.fetch,
      timeout: environment.timeoutMs,
      retryOptions: { attempts: 1 },
    };
    const options: GoogleGenAIOptions = this.vertex
      ? {
          vertexai: true,
          project: settings.google_project_id ?? '',
          location: settings.google_location ?? '',
          googleAuthOptions: {
            authClient: new VertexCredentials(
              parseServiceAccount(settings.secrets.google_application_credentials ?? ''),
              environment.fetch,
            ) as unknown as NonNullable<GoogleGenAIOptions['googleAuthOptions']>['authClient'],
          },
          httpOptions,
        }
      : { apiKey: settings.secrets.api_key ?? '', httpOptions };
    this.client = new GoogleGenAI(options);
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const pager = await this.client.models.list({
        config: {
          pageSize: 1000,
          abortSignal: signal,
          ...(this.vertex ? { queryBase: true } : {}),
        },
      });
      // Google caps a page (1000 models for Gemini): the pager fetches every next page.
      const names: string[] = [];
      for await (const model of pager) {
        const name = (model.name ?? '').replace(/^(publishers\/[^/]+\/)?models\//, '');
        if (name !== '') names.push(name);
      }
      return names;
    } catch (error) {
      throw geminiError(error);
    }
  }

  async complete(request: LlmCompletionRequest): Promise<LlmCompletion> {
    const system = request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n\n');
    try {
      const answer = await this.client.models.generateContent({
        model: request.model,
        contents: request.messages
          .filter((message) => message.role !== 'system')
          .map((message) => ({
            role: message.role === 'assistant' ? 'model' : 'user',
            parts: [{ text: message.content }],
          })),
        config: {
          ...(system ? { systemInstruction: system } : {}),
          ...(request.maxTokens ? { maxOutputTokens: request.maxTokens } : {}),
          ...(request.responseSchema
            ? { responseMimeType: 'application/json', responseJsonSchema: request.responseSchema }
            : {}),
          abortSignal: request.signal,
        },
      });
      const text = answer.text ?? '';
      return {
        text,
        ...(request.responseSchema ? parsedJson(text) : {}),
        usage: {
          inputTokens: answer.usageMetadata?.promptTokenCount ?? 0,
          outputTokens: answer.usageMetadata?.candidatesTokenCount ?? 0,
        },
      };
    } catch (error) {
      throw geminiError(error);
    }
  }
}
