import { createVerify, KeyObject } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { LlmTestServer, ReceivedCall, tokensOf } from './llm-test-server';

interface GenerateBody {
  contents?: { role?: string; parts?: { text?: string }[] }[];
  systemInstruction?: { parts?: { text?: string }[] };
  generationConfig?: {
    responseMimeType?: string;
    responseSchema?: Record<string, unknown>;
    responseJsonSchema?: Record<string, unknown>;
    maxOutputTokens?: number;
  };
}

const GEMINI_LIST = /^\/v1beta\/models$/;
const GEMINI_GENERATE = /^\/v1beta\/models\/([^/:]+):generateContent$/;
const VERTEX_LIST = /^\/v1beta1\/publishers\/google\/models$/;
const VERTEX_GENERATE =
  /^\/v1beta1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):generateContent$/;

/**
 * A fake Gemini API and Vertex AI, the subset `@google/genai` uses: `GET /v1beta/models` and
 * `POST /v1beta/models/{model}:generateContent` (key in `x-goog-api-key` or `?key=`);
 * `GET /v1beta1/publishers/google/models` and `POST /v1beta1/projects/{p}/locations/{l}/
 * publishers/google/models/{model}:generateContent` (a bearer token this server issued); and
 * `POST /token`, the OAuth JWT bearer grant of a service account whose `token_uri` points here.
 * Model lists page by `pageSize`/`pageToken` up to `maxPageSize`; answers as the other fake
 * providers do, JSON for a response schema, with `usageMetadata` tokens.
 */
export class GeminiServer extends LlmTestServer {
  apiKey = 'gemini-test-key';
  override models = ['gemini-2.5-flash', 'gemini-2.0-flash', 'text-embedding-004'];
  /** The most models one list page holds, whatever `pageSize` asks. */
  maxPageSize = 1000;
  /** When set, a token request's JWT must be signed by this key (the service account's). */
  serviceAccountKey: KeyObject | null = null;
  /** The access tokens `/token` issued. */
  readonly issuedTokens: string[] = [];

  override reset(): void {
    super.reset();
    this.maxPageSize = 1000;
  }

  protected route(call: ReceivedCall, response: ServerResponse): void {
    if (call.method === 'POST' && call.path === '/token') {
      this.token(call, response);
      return;
    }
    const vertex = call.path.startsWith('/v1beta1/');
    if (vertex ? !this.bearerAuthorized(call) : !this.keyAuthorized(call)) {
      if (vertex) {
        this.error(response, 401, 'Request had invalid authentication credentials.');
      } else {
        this.error(response, 400, 'API key not valid. Please pass a valid API key.');
      }
      return;
    }
    if (call.method === 'GET' && (GEMINI_LIST.test(call.path) || VERTEX_LIST.test(call.path))) {
      this.list(call, response, vertex);
      return;
    }
    const generate = GEMINI_GENERATE.exec(call.path) ?? VERTEX_GENERATE.exec(call.path);
    if (call.method === 'POST' && generate) {
      this.generate(call.body as GenerateBody, generate[generate.length - 1], response);
      return;
    }
    this.error(response, 404, `No route ${call.method} ${call.path}`);
  }

  private keyAuthorized(call: ReceivedCall): boolean {
    return (call.headers['x-goog-api-key'] ?? call.query.get('key')) === this.apiKey;
  }

  private bearerAuthorized(call: ReceivedCall): boolean {
    const token = call.headers.authorization?.replace(/^Bearer /, '') ?? '';
    return this.issuedTokens.includes(token);
  }

  private error(response: ServerResponse, status: number, message: string, headers = {}): void {
    const statuses: Record<number, string> = {
      400: 'INVALID_ARGUMENT',
      401: 'UNAUTHENTICATED',
      404: 'NOT_FOUND',
      429: 'RESOURCE_EXHAUSTED',
      500: 'INTERNAL',
      503: 'UNAVAILABLE',
    };
    this.json(
      response,
      status,
      { error: { code: status, message, status: statuses[status] ?? 'UNKNOWN' } },
      headers,
    );
  }

  private list(call: ReceivedCall, response: ServerResponse, vertex: boolean): void {
    const size = Math.min(Number(call.query.get('pageSize') ?? 50) || 50, this.maxPageSize);
    const start = Number(call.query.get('pageToken') ?? 0) || 0;
    const page = this.models.slice(start, start + size);
    const next = start + size < this.models.length ? String(start + size) : undefined;
    const items = page.map((id) =>
      vertex
        ? { name: `publishers/google/models/${id}`, versionId: '001' }
        : {
            name: `models/${id}`,
            version: '001',
            displayName: id,
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 8192,
            supportedGenerationMethods: ['generateContent', 'countTokens'],
          },
    );
    this.json(response, 200, {
      [vertex ? 'publisherModels' : 'models']: items,
      ...(next ? { nextPageToken: next } : {}),
    });
  }

  private generate(body: GenerateBody, model: string, response: ServerResponse): void {
    const failure = this.takeFailure();
    if (failure) {
      this.error(
        response,
        failure.status,
        failure.message ?? `Injected ${failure.status}`,
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
      return;
    }
    const textOf = (parts: { text?: string }[] | undefined) =>
      (parts ?? []).map((part) => part?.text ?? '').join('');
    const prompt = [
      textOf(body.systemInstruction?.parts),
      ...(body.contents ?? []).map((content) => textOf(content.parts)),
    ]
      .filter(Boolean)
      .join('\n');
    const config = body.generationConfig ?? {};
    const schema =
      config.responseMimeType === 'application/json'
        ? (config.responseJsonSchema ?? config.responseSchema ?? null)
        : null;
    const text = this.answer(prompt, schema);
    this.json(response, 200, {
      candidates: [
        { content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 },
      ],
      usageMetadata: {
        promptTokenCount: tokensOf(prompt),
        candidatesTokenCount: tokensOf(text),
        totalTokenCount: tokensOf(prompt) + tokensOf(text),
      },
      modelVersion: model,
      responseId: `resp-${this.calls.length}`,
    });
  }

  /** The JWT bearer grant: a signed assertion (checked when `serviceAccountKey` is set). */
  private token(call: ReceivedCall, response: ServerResponse): void {
    const form = new URLSearchParams(typeof call.body === 'string' ? call.body : '');
    const assertion = form.get('assertion') ?? '';
    const [header, claims, signature] = assertion.split('.');
    const signed =
      form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      !!signature &&
      (!this.serviceAccountKey ||
        createVerify('RSA-SHA256')
          .update(`${header}.${claims}`)
          .verify(this.serviceAccountKey, signature, 'base64url'));
    if (!signed) {
      this.json(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT.' });
      return;
    }
    const token = `ya29.test-${this.issuedTokens.length + 1}`;
    this.issuedTokens.push(token);
    this.json(response, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  }
}
