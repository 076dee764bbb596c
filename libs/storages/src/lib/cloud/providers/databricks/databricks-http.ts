import http, { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import https from 'node:https';
import { AddressGuard, RemoteFetchError } from '@ls/core';
import { providerAgents, TlsTrust } from '../guarded-agents';

/** Answers read whole (JSON of listings, tokens and errors) longer than this are refused. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

export interface HttpCall {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

export interface JsonAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The parsed JSON; the text where it is not JSON; null when empty. */
  body: unknown;
}

/**
 * The sockets of one Databricks connection: every request (the Files API and the token
 * endpoints) through its guarded agents, trusting `STORAGE_CA_FILE` (or nothing, with
 * `verify_tls: false`), each bounded by the storage's timeout.
 */
export class DatabricksHttp {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(
    guard: AddressGuard | null,
    trust: TlsTrust,
    private readonly timeoutMs: number,
  ) {
    this.agents = providerAgents(guard, trust);
  }

  /**
   * The answer with its body unread. The timeout bounds every wait: connecting, the answer's
   * head, and each gap while its body streams, so a long download is never cut while it moves.
   */
  send(call: HttpCall): Promise<IncomingMessage> {
    const target = new URL(call.url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') {
      return Promise.reject(new RemoteFetchError(`Not an http(s) URL: ${target.origin}`));
    }
    const body = typeof call.body === 'string' ? Buffer.from(call.body) : call.body;
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(target, {
        method: call.method,
        headers: {
          ...call.headers,
          ...(body ? { 'Content-Length': String(body.length) } : {}),
        },
        agent: secure ? this.agents.https : this.agents.http,
        timeout: this.timeoutMs,
        signal: call.signal,
      });
      request.on('timeout', () =>
        request.destroy(
          new RemoteFetchError(`No answer from ${target.origin} in ${this.timeoutMs / 1000} s`),
        ),
      );
      request.on('error', reject);
      request.on('response', resolve);
      request.end(body);
    });
  }

  /** A request whose answer is read whole, bounded in size. */
  async json(call: HttpCall): Promise<JsonAnswer> {
    const response = await this.send(call);
    return {
      status: response.statusCode ?? 0,
      headers: response.headers,
      body: await readJson(response),
    };
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

/** The body of an answer as JSON (its text where it is not JSON), at most `MAX_JSON_BYTES`. */
export async function readJson(response: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) {
      response.destroy();
      throw new RemoteFetchError('The answer of Databricks is too large');
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
