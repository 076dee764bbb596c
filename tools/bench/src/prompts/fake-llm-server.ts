import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

interface ChatBody {
  model?: string;
  messages?: { content?: unknown }[];
  response_format?: {
    json_schema?: { schema?: { properties?: Record<string, { enum?: string[] }> } };
  };
}

const tokensOf = (text: string) => (text.match(/\w+|[^\s\w]/g) ?? []).length;

/**
 * An OpenAI-compatible provider for the bench: `GET /v1/models` and `POST /v1/chat/completions`,
 * each completion answered after `latencyMs` with the first schema label the prompt names, and
 * `usage` tokens. Counts the completions it answered.
 */
export class FakeLlmServer {
  completions = 0;
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly latencyMs: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.receive(request, response));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url?.endsWith('/models')) {
      send(200, {
        object: 'list',
        data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'bench' }],
      });
      return;
    }
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      send(404, { error: { message: 'no such route' } });
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ChatBody;
    const prompt = (body.messages ?? []).map((message) => String(message.content ?? '')).join('\n');
    const labels = body.response_format?.json_schema?.schema?.properties?.label?.enum ?? [];
    const label = labels.find((candidate) => prompt.includes(candidate)) ?? labels[0] ?? '';
    const content = JSON.stringify({ label });
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    this.completions += 1;
    send(200, {
      id: `chatcmpl-${this.completions}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model ?? 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: tokensOf(prompt),
        completion_tokens: tokensOf(content),
        total_tokens: tokensOf(prompt) + tokensOf(content),
      },
    });
  }
}
