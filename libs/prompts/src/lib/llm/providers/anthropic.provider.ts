import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
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

/** Anthropic needs a ceiling on every answer; this one when the caller gives none. */
const DEFAULT_MAX_TOKENS = 4096;
/** The tool the model is made to call when a structured answer is asked for. */
const OUTPUT_TOOL = 'output';

function anthropicError(error: unknown): LlmProviderError {
  if (error instanceof LlmProviderError) return error;
  if (error instanceof Anthropic.APIUserAbortError) throw error;
  if (error instanceof Anthropic.APIConnectionError) {
    return new LlmConnectionError(
      error.cause instanceof Error ? error.cause.message : error.message,
    );
  }
  if (error instanceof Anthropic.APIError && error.status !== undefined) {
    const body = error.error as { error?: { message?: unknown } } | undefined;
    const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
    return errorOfStatus(error.status, message, error.headers?.get('retry-after') ?? null);
  }
  return new LlmConnectionError(error instanceof Error ? error.message : String(error));
}

/** Anthropic's Messages API; structured answers through a forced tool call. */
export class AnthropicProvider implements LlmProvider {
  private readonly client: Anthropic;

  constructor(settings: ProviderSettings, environment: ProviderEnvironment) {
    this.client = new Anthropic({
      apiKey: settings.secrets.api_key ?? '',
      baseURL: environment.baseUrl || undefined,
      fetch: environment.fetch,
      maxRetries: 0,
      timeout: environment.timeoutMs,
    });
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await this.client.models.list({ limit: 1000 }, { signal });
      return page.data.map((model) => model.id);
    } catch (error) {
      throw anthropicError(error);
    }
  }

  async complete(request: LlmCompletionRequest): Promise<LlmCompletion> {
    const system = request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n\n');
    const body: MessageCreateParamsNonStreaming = {
      model: request.model,
      max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
      ...(system ? { system } : {}),
      messages: request.messages
        .filter((message) => message.role !== 'system')
        .map((message) => ({
          role: message.role as 'user' | 'assistant',
          content: message.content,
        })),
      ...(request.responseSchema
        ? {
            tools: [
              {
                name: OUTPUT_TOOL,
                description: 'Record the answer in the required structure.',
                input_schema: { type: 'object', ...request.responseSchema },
              },
            ],
            tool_choice: { type: 'tool', name: OUTPUT_TOOL },
          }
        : {}),
    };
    let answer: Anthropic.Message;
    try {
      answer = await this.client.messages.create(body, { signal: request.signal });
    } catch (error) {
      throw anthropicError(error);
    }
    const usage = {
      inputTokens: answer.usage?.input_tokens ?? 0,
      outputTokens: answer.usage?.output_tokens ?? 0,
    };
    const tool = answer.content.find((block) => block.type === 'tool_use');
    if (request.responseSchema && tool && tool.type === 'tool_use') {
      return { text: JSON.stringify(tool.input), parsed: tool.input, usage };
    }
    const text = answer.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    return { text, ...(request.responseSchema ? parsedJson(text) : {}), usage };
  }
}
