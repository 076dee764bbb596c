import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  OutboundHttp,
  OutboundHttpError,
  OutboundRequest,
  SERVER_VERSION,
} from '@ls/core';

/** Where a model server is and how to sign in to it. */
export interface ModelServerAddress {
  url: string;
  basicAuth: { user: string; password: string } | null;
}

/** One exchange with a model server: its JSON answer, or why there is none. */
export type ModelServerResult =
  | { ok: true; url: string; status: number; body: unknown }
  | { ok: false; url: string; status: number; error: string };

/** Label Studio's own User-Agent towards model servers (`heartex/<version>`). */
export const MODEL_SERVER_USER_AGENT = `heartex/${SERVER_VERSION.release}`;

/** Label Studio's retries of a call that could not connect (its HTTPAdapter's `max_retries`). */
const CONNECTION_RETRIES = 2;
/** Characters of a failing answer's body kept in the error message. */
const ERROR_BODY_CHARS = 300;

const retriable = (error: unknown) =>
  error instanceof OutboundHttpError &&
  (error.failure === 'connection' || error.failure === 'connect-timeout');

/**
 * The wire protocol Label Studio speaks to model servers (`ml/api_connector.py`): JSON bodies,
 * basic auth when configured, a connect deadline and a deadline per call, two retries when the
 * server cannot be reached. Every call goes through `OutboundHttp` (SSRF-safe) and never throws:
 * a failure is a result with the error as the user should read it.
 */
@Injectable()
export class ModelServerClient {
  constructor(
    private readonly http: OutboundHttp,
    private readonly config: AppConfig,
  ) {}

  health(address: ModelServerAddress): Promise<ModelServerResult> {
    return this.call(address, 'GET', 'health', undefined, this.config.ML_TIMEOUT_HEALTH_MS);
  }

  setup(address: ModelServerAddress, body: object): Promise<ModelServerResult> {
    return this.call(address, 'POST', 'setup', body, this.config.ML_TIMEOUT_SETUP_MS);
  }

  predict(address: ModelServerAddress, body: object, timeoutMs: number) {
    return this.call(address, 'POST', 'predict', body, timeoutMs);
  }

  train(address: ModelServerAddress, body: object): Promise<ModelServerResult> {
    return this.call(address, 'POST', 'train', body, this.config.ML_TIMEOUT_TRAIN_MS);
  }

  webhook(address: ModelServerAddress, body: object): Promise<ModelServerResult> {
    return this.call(address, 'POST', 'webhook', body, this.config.ML_TIMEOUT_TRAIN_MS);
  }

  versions(address: ModelServerAddress): Promise<ModelServerResult> {
    return this.call(address, 'GET', 'versions', undefined, this.config.ML_TIMEOUT_VERSIONS_MS);
  }

  private async call(
    address: ModelServerAddress,
    method: 'GET' | 'POST',
    path: string,
    body: object | undefined,
    timeoutMs: number,
  ): Promise<ModelServerResult> {
    const url = `${address.url.replace(/\/+$/, '')}/${path}`;
    const request: OutboundRequest = {
      method,
      url,
      body,
      timeoutMs,
      connectTimeoutMs: Math.min(this.config.ML_CONNECTION_TIMEOUT_MS, timeoutMs),
      headers: {
        'User-Agent': MODEL_SERVER_USER_AGENT,
        ...(address.basicAuth ? { Authorization: basicAuthorization(address.basicAuth) } : {}),
      },
    };
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await this.http.request(request);
        return answerOf(url, response.status, response.body);
      } catch (error) {
        if (retriable(error) && attempt < CONNECTION_RETRIES) continue;
        const message = error instanceof OutboundHttpError ? error.message : String(error);
        return { ok: false, url, status: 0, error: message };
      }
    }
  }
}

function basicAuthorization({ user, password }: { user: string; password: string }): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function answerOf(url: string, status: number, body: Buffer): ModelServerResult {
  const text = body.toString('utf8');
  if (status < 200 || status >= 300) {
    const detail = text.trim().slice(0, ERROR_BODY_CHARS);
    return {
      ok: false,
      url,
      status,
      error: `${status} answer from ${url}${detail ? `: ${detail}` : ''}`,
    };
  }
  try {
    return { ok: true, url, status, body: text === '' ? {} : (JSON.parse(text) as unknown) };
  } catch {
    return { ok: false, url, status, error: `The answer of ${url} is not JSON` };
  }
}
