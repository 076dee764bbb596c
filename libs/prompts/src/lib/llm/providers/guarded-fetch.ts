import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AddressGuard, AppConfig, OUTBOUND_USER_AGENT } from '@ls/core';

/** The `fetch` signature the provider SDKs accept for their traffic. */
export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * A WHATWG `fetch` for the LLM provider SDKs whose every connection goes through the address
 * guard (`SSRF_PROTECTION`, `SSRF_ALLOWED_NETWORKS`): endpoints and token URIs are user-given, so
 * each address actually connected to is checked and redirects are not followed. Answers stream
 * (server-sent events reach the caller as they arrive); the SDKs' abort signals are honoured.
 */
@Injectable()
export class GuardedFetch implements OnApplicationShutdown {
  private readonly guard: AddressGuard | null;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(config: AppConfig) {
    this.guard = AddressGuard.fromSettings(config, (host) => this.resolve(host));
  }

  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  readonly fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`Only http and https URLs are allowed: ${url.protocol}`);
    }
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (this.guard && isIP(literal) !== 0) this.guard.assertAllowed(literal);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    const headers: Record<string, string> = { 'user-agent': OUTBOUND_USER_AGENT };
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body) headers['content-length'] = String(body.length);
    const answer = await this.exchange(url, request.method, headers, body, request.signal);
    return toResponse(answer, request.signal);
  };

  /** The host's addresses; tests replace it to play DNS. */
  protected resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true });
  }

  private exchange(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Buffer | null,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const guard = this.guard;
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError(signal));
        return;
      }
      const outgoing = (secure ? https : http).request(url, {
        method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
        lookup: guard?.lookup,
      });
      const onAbort = () => outgoing.destroy(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      const connectDeadline = setTimeout(
        () => outgoing.destroy(new Error(`Can't connect to ${url.host} in time`)),
        CONNECT_TIMEOUT_MS,
      );
      outgoing.on('socket', (socket) => {
        socket.setNoDelay(true);
        if (guard) guard.watch(socket);
        if (socket.connecting) socket.once('connect', () => clearTimeout(connectDeadline));
        else clearTimeout(connectDeadline);
      });
      outgoing.on('response', (response) => {
        clearTimeout(connectDeadline);
        response.once('close', () => signal.removeEventListener('abort', onAbort));
        resolve(response);
      });
      outgoing.on('error', (error) => {
        clearTimeout(connectDeadline);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      });
      outgoing.end(body ?? undefined);
    });
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

function toResponse(answer: IncomingMessage, signal: AbortSignal): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = answer.statusCode ?? 502;
  if (NULL_BODY_STATUSES.has(status)) {
    answer.resume();
    return new Response(null, { status, statusText: answer.statusMessage, headers });
  }
  signal.addEventListener('abort', () => answer.destroy(abortError(signal)), { once: true });
  const stream = Readable.toWeb(answer) as NodeReadableStream<Uint8Array>;
  return new Response(stream as unknown as ReadableStream<Uint8Array>, {
    status,
    statusText: answer.statusMessage,
    headers,
  });
}
