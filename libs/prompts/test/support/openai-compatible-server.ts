import { ServerResponse } from 'node:http';
import { LlmTestServer, promptOf, ReceivedCall, tokensOf } from './llm-test-server';

interface ChatBody {
  model?: string;
  messages?: unknown;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type?: string; json_schema?: { schema?: Record<string, unknown> } };
}

/**
 * A fake OpenAI-compatible provider: `GET …/models` and `POST …/chat/completions` under any
 * prefix (`/v1`, Azure's `/openai/deployments/<d>`), answering deterministically from the prompt
 * with `usage` tokens, as JSON or server-sent events. Credentials: `Authorization: Bearer <apiKey>`
 * (or `api-key: <apiKey>`), or the exact `authorization` header when `authorization` is set.
 */
export class OpenAiCompatibleServer extends LlmTestServer {
  apiKey: string | null = 'sk-test-key';
  /** When set, the `Authorization` header must be exactly this (a custom endpoint's auth token). */
  authorization: string | null = null;
  override models = ['gpt-4o', 'gpt-4o-mini'];

  protected route(call: ReceivedCall, response: ServerResponse): void {
    if (!this.authorized(call)) {
      this.json(response, 401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      });
      return;
    }
    if (call.method === 'GET' && call.path.endsWith('/models')) {
      this.json(response, 200, {
        object: 'list',
        data: this.models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'test' })),
      });
      return;
    }
    if (call.method === 'POST' && call.path.endsWith('/chat/completions')) {
      this.complete(call.body as ChatBody, response);
      return;
    }
    this.json(response, 404, { error: { message: `No route ${call.method} ${call.path}` } });
  }

  private authorized(call: ReceivedCall): boolean {
    const header = call.headers.authorization ?? '';
    if (this.authorization !== null) return header === this.authorization;
    if (this.apiKey === null) return true;
    return header === `Bearer ${this.apiKey}` || call.headers['api-key'] === this.apiKey;
  }

  private complete(body: ChatBody, response: ServerResponse): void {
    const failure = this.takeFailure();
    if (failure) {
      this.json(
        response,
        failure.status,
        {
          error: { message: failure.message ?? `Injected ${failure.status}`, type: 'server_error' },
        },
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
      return;
    }
    const prompt = promptOf(body.messages);
    const schema =
      body.response_format?.type === 'json_schema'
        ? (body.response_format.json_schema?.schema ?? null)
        : null;
    const content = this.answer(prompt, schema);
    const usage = {
      prompt_tokens: tokensOf(prompt),
      completion_tokens: tokensOf(content),
      total_tokens: tokensOf(prompt) + tokensOf(content),
    };
    const id = `chatcmpl-${this.calls.length}`;
    const model = body.model ?? 'unknown';
    if (!body.stream) {
      this.json(response, 200, {
        id,
        object: 'chat.completion',
        created: 1_700_000_000,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage,
      });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
      id,
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const events: unknown[] = [chunk({ role: 'assistant', content: '' }, null)];
    for (const word of content.split(/(?<= )/)) events.push(chunk({ content: word }, null));
    events.push(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) {
      events.push({
        id,
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model,
        choices: [],
        usage,
      });
    }
    for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
    response.end('data: [DONE]\n\n');
  }
}
