import { AsyncLocalStorage } from 'node:async_hooks';
import http, { ClientRequest } from 'node:http';
import https from 'node:https';
import { pool } from 'teeny-request/build/src/agents';
import { AddressGuard, RemoteFetchError } from '@ls/core';
import { providerAgents } from '../guarded-agents';

/** Answers longer than this from the token and IAM endpoints are refused. */
const MAX_JSON_BYTES = 1024 * 1024;

/** What `http.Agent` does with a request; not in Node's type declarations. */
interface RequestTaker {
  addRequest(request: ClientRequest, options: unknown): void;
}

/** The agents of the GCS connection whose SDK call is running (set by `GcsHttp.run`). */
const currentAgents = new AsyncLocalStorage<GcsHttp>();

function route(agent: 'http' | 'https', request: ClientRequest, options: unknown): void {
  const owner = currentAgents.getStore();
  if (!owner || owner.closed) {
    // Never an unguarded socket: a request the SDK starts outside a connection's call fails.
    request.destroy(new Error('GCS request made outside of a storage connection'));
    return;
  }
  (owner.agents[agent] as unknown as RequestTaker).addRequest(request, options);
}

class RoutingHttpAgent extends http.Agent {
  addRequest(request: ClientRequest, options: unknown): void {
    route('http', request, options);
  }
}

class RoutingHttpsAgent extends https.Agent {
  addRequest(request: ClientRequest, options: unknown): void {
    route('https', request, options);
  }
}

// `@google-cloud/storage` makes its JSON API requests with `teeny-request`, which takes no agent
// per request but keeps one pooled agent per scheme for them (`forever`). Those two are replaced by
// agents that hand each request to the agents of the connection whose call made it, so every
// socket the SDK opens goes through that connection's address guard (as S3's handler does).
pool.set('http:forever', new RoutingHttpAgent());
pool.set('https:forever', new RoutingHttpsAgent());

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * The sockets of one GCS connection: the SDK's requests made inside `run`, and the token, STS and
 * IAM requests of `fetchJson`, all through its agents (guarded unless the guard is null).
 */
export class GcsHttp {
  readonly agents: { http: http.Agent; https: https.Agent };
  closed = false;

  constructor(
    guard: AddressGuard | null,
    readonly timeoutMs: number,
    extraCa: string | null = null,
  ) {
    this.agents = providerAgents(guard, { extraCa });
  }

  /** Runs an SDK call (and everything it starts) with this connection's agents. */
  run<T>(call: () => T): T {
    return currentAgents.run(this, call);
  }

  /** A request whose answer is JSON (or a form), bounded in time and size. */
  fetchJson(
    url: string,
    init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  ): Promise<JsonResponse> {
    const target = new URL(url);
    const isHttps = target.protocol === 'https:';
    if (!isHttps && target.protocol !== 'http:') {
      return Promise.reject(new RemoteFetchError(`Not an http:// or https:// URL: ${url}`));
    }
    return new Promise((resolve, reject) => {
      const request = (isHttps ? https : http).request(target, {
        method: init.method,
        headers: init.headers,
        agent: isHttps ? this.agents.https : this.agents.http,
        timeout: this.timeoutMs,
      });
      const timer = setTimeout(
        () => request.destroy(new RemoteFetchError(`No answer from ${target.origin} in time`)),
        this.timeoutMs,
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_JSON_BYTES) {
            request.destroy(new RemoteFetchError(`The answer of ${target.origin} is too large`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // Not JSON: the text itself, for the error message.
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      request.end(init.body);
    });
  }

  close(): void {
    this.closed = true;
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
