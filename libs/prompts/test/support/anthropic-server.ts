import { ServerResponse } from 'node:http';
import { LlmTestServer, promptOf, ReceivedCall, tokensOf } from './llm-test-server';

interface MessagesBody {
  model?: string;
  system?: string;
  messages?: unknown;
  tools?: { name: string; input_schema?: Record<string, unknown> }[];
  tool_choice?: { type?: string; name?: string };
}

/**
 * A fake Anthropic Messages API: `GET /v1/models`, `POST /v1/messages` (a forced tool call is
 * answered with that tool's input), credentials in `x-api-key` or as a bearer token; answers as
 * `OpenAiCompatibleServer` does, from the prompt, with `usage` tokens.
 */
export class AnthropicServer extends LlmTestServer {
  apiKey = 'sk-ant-test-key';
  override models = ['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022'];

  protected route(call: ReceivedCall, response: ServerResponse): void {
    const key = call.headers['x-api-key'] ?? call.headers.authorization?.replace(/^Bearer /, '');
    if (key !== this.apiKey) {
      this.json(response, 401, {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
      });
      return;
    }
    if (call.method === 'GET' && call.path === '/v1/models') {
      this.json(response, 200, {
        data: this.models.map((id) => ({
          id,
          type: 'model',
          display_name: id,
          created_at: '2025-01-01T00:00:00Z',
        })),
        has_more: false,
        first_id: this.models[0] ?? null,
        last_id: this.models[this.models.length - 1] ?? null,
      });
      return;
    }
    if (call.method === 'POST' && call.path === '/v1/messages') {
      this.messages(call.body as MessagesBody, response);
      return;
    }
    this.json(response, 404, {
      type: 'error',
      error: { type: 'not_found_error', message: `No route ${call.method} ${call.path}` },
    });
  }

  private messages(body: MessagesBody, response: ServerResponse): void {
    const failure = this.takeFailure();
    if (failure) {
      const type = failure.status === 429 ? 'rate_limit_error' : 'api_error';
      this.json(
        response,
        failure.status,
        {
          type: 'error',
          error: { type, message: failure.message ?? `Injected ${failure.status}` },
        },
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
      return;
    }
    const prompt = [body.system ?? '', promptOf(body.messages)].filter(Boolean).join('\n');
    const tool =
      body.tool_choice?.type === 'tool'
        ? body.tools?.find((candidate) => candidate.name === body.tool_choice?.name)
        : undefined;
    const text = this.answer(prompt, tool?.input_schema ?? null);
    const content = tool
      ? [{ type: 'tool_use', id: 'toolu_1', name: tool.name, input: JSON.parse(text) as unknown }]
      : [{ type: 'text', text }];
    this.json(response, 200, {
      id: `msg_${this.calls.length}`,
      type: 'message',
      role: 'assistant',
      model: body.model ?? 'unknown',
      content,
      stop_reason: tool ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: tokensOf(prompt), output_tokens: tokensOf(text) },
    });
  }
}
