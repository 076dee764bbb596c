/** One message of a chat with a model. */
export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmCompletionRequest {
  /** The provider's model id (for Azure OpenAI: the deployment's model, the deployment is fixed). */
  model: string;
  messages: LlmMessage[];
  /** A JSON schema the answer must match: asked for with the provider's structured output. */
  responseSchema?: Record<string, unknown>;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface LlmCompletion {
  text: string;
  /** The answer parsed as JSON when a `responseSchema` was given and it parsed. */
  parsed?: unknown;
  usage: LlmUsage;
}

/**
 * The port every provider adapter implements: what inference runs, refinement and the proxy need
 * from a model, whichever company serves it.
 */
export interface LlmProvider {
  /** The model ids the credentials give access to; fails with `LlmAuthError` on bad ones. */
  listModels(signal?: AbortSignal): Promise<string[]>;
  complete(request: LlmCompletionRequest): Promise<LlmCompletion>;
}

/** Why a provider call failed, so callers decide whether to retry. */
export type LlmErrorKind = 'auth' | 'rate-limited' | 'server' | 'bad-request' | 'connection';

/** A failed provider call; `message` is the provider's own explanation, fit to show the user. */
export class LlmProviderError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    /** The provider's HTTP status, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'connection';
  }
}

export class LlmAuthError extends LlmProviderError {
  constructor(message: string, status: number | null = 401) {
    super('auth', message, status);
  }
}

export class LlmRateLimitedError extends LlmProviderError {
  constructor(
    message: string,
    /** How long the provider asked to wait (`Retry-After`), when it said. */
    readonly retryAfterMs: number | null,
  ) {
    super('rate-limited', message, 429);
  }
}

export class LlmServerError extends LlmProviderError {
  constructor(message: string, status: number | null = 500) {
    super('server', message, status);
  }
}

export class LlmBadRequestError extends LlmProviderError {
  constructor(message: string, status: number | null = 400) {
    super('bad-request', message, status);
  }
}

export class LlmConnectionError extends LlmProviderError {
  constructor(message: string) {
    super('connection', message, null);
  }
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The typed error for an HTTP status and message a provider answered with. */
export function errorOfStatus(
  status: number,
  message: string,
  retryAfter: string | null = null,
): LlmProviderError {
  if (status === 401 || status === 403) return new LlmAuthError(message, status);
  if (status === 429) return new LlmRateLimitedError(message, retryAfterMs(retryAfter));
  if (status >= 500) return new LlmServerError(message, status);
  return new LlmBadRequestError(message, status);
}
