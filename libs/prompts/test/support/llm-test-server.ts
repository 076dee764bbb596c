import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request a test server received. */
export interface ReceivedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** When it arrived (`Date.now()`). */
  at: number;
}

/** A failure answered instead of the next calls (to completions only, unless `paths` says). */
export interface InjectedFailure {
  status: 429 | 500 | 503 | 400;
  /** Seconds for `Retry-After` on a 429. */
  retryAfter?: number;
  times?: number;
  message?: string;
}

/** What a model says to a prompt: the default names the first of `labels` the prompt contains. */
export type Answerer = (prompt: string, schema: Record<string, unknown> | null) => string;

/** Rough token count: words and punctuation, deterministic for the same text. */
export function tokensOf(text: string): number {
  return (text.match(/\w+|[^\s\w]/g) ?? []).length;
}

/**
 * The shared part of the fake LLM providers of the tests: an HTTP server on 127.0.0.1 that counts
 * and records calls, answers after `latencyMs`, and can be told to fail the next calls.
 */
export abstract class LlmTestServer {
  readonly calls: ReceivedCall[] = [];
  models: string[] = [];
  latencyMs = 0;
  answer: Answerer = defaultAnswer;
  private failures: InjectedFailure[] = [];
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Calls whose path ends with `suffix`. */
  callsTo(suffix: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path.endsWith(suffix));
  }

  /** The next completion calls fail this way (`times`, default 1). */
  failNext(failure: InjectedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  reset(): void {
    this.calls.length = 0;
    this.failures = [];
    this.latencyMs = 0;
    this.answer = defaultAnswer;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.receive(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  protected abstract route(call: ReceivedCall, response: ServerResponse): Promise<void> | void;

  /** The injected failure to answer a completion call with, if one is due. */
  protected takeFailure(): InjectedFailure | null {
    const failure = this.failures[0];
    if (!failure) return null;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) this.failures.shift();
    return failure;
  }

  protected json(response: ServerResponse, status: number, body: unknown, headers = {}): void {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // a form or text body stays as it came
    }
    const url = new URL(request.url ?? '/', this.url);
    const call: ReceivedCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
      at: Date.now(),
    };
    this.calls.push(call);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    try {
      await this.route(call, response);
    } catch (error) {
      this.json(response, 500, { error: { message: String(error) } });
    }
  }
}

/**
 * With a schema: `{"label": <the first enum value the prompt mentions, else the first>}` for the
 * schema's first property with an enum; without: `echo: <the prompt>`.
 */
export function defaultAnswer(prompt: string, schema: Record<string, unknown> | null): string {
  if (!schema) return `echo: ${prompt}`;
  const properties = (schema.properties ?? {}) as Record<string, { enum?: unknown[] }>;
  const [name, property] =
    Object.entries(properties).find(([, value]) => Array.isArray(value?.enum)) ?? [];
  if (!name || !property?.enum) return JSON.stringify({});
  const values = property.enum.map(String);
  const mentioned = values.find((value) => prompt.toLowerCase().includes(value.toLowerCase()));
  return JSON.stringify({ [name]: mentioned ?? values[0] });
}

/** The text of a chat's messages (OpenAI or Anthropic shape), as the answerer reads it. */
export function promptOf(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  return messages
    .map((message: { content?: unknown }) =>
      typeof message?.content === 'string'
        ? message.content
        : Array.isArray(message?.content)
          ? message.content.map((part: { text?: string }) => part?.text ?? '').join('')
          : '',
    )
    .join('\n');
}
