import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http, { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppConfig } from '../config/app-config';
import { SERVER_VERSION } from '../server-version';
import { AddressGuard } from './address-guard';
import { RemoteFetchError } from './remote-fetch.error';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON with its content type unless it is already a string or bytes. */
  body?: unknown;
  /** The whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** Connecting only; defaults to `timeoutMs`. */
  connectTimeoutMs?: number;
  /** Answers longer than this fail (default 10 MiB). */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type OutboundFailure =
  'refused' | 'connect-timeout' | 'timeout' | 'connection' | 'too-large';

/** A request that got no complete answer; `message` is meant for the user. */
export class OutboundHttpError extends RemoteFetchError {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
export const OUTBOUND_USER_AGENT = `label-studio-server/${SERVER_VERSION.server}`;

/** Errors of a kept-alive socket that the peer had closed before our request reached it. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * Requests to URLs that users configured (webhooks, model servers): with `SSRF_PROTECTION` every
 * address connected to is checked, redirects are not followed, and every call has a deadline.
 * Connections are kept alive and reused (a webhook's deliveries go out one after another to the
 * same receiver); a reused connection the receiver had just closed is retried once on a new one.
 */
@Injectable()
export class OutboundHttp implements OnApplicationShutdown {
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

  /** Parses `url` as an http(s) URL, or explains why it is not one. */
  static httpUrl(url: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new OutboundHttpError('refused', `Not a valid URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new OutboundHttpError('refused', 'Only http and https URLs are allowed');
    }
    return parsed;
  }

  async request(options: OutboundRequest): Promise<OutboundResponse> {
    const url = OutboundHttp.httpUrl(options.url);
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (this.guard && isIP(literal) !== 0) {
      try {
        this.guard.assertAllowed(literal);
      } catch (error) {
        throw new OutboundHttpError('refused', (error as Error).message);
      }
    }
    const { body, contentType } = encodeBody(options.body);
    const headers: Record<string, string> = {
      'User-Agent': OUTBOUND_USER_AGENT,
      ...(contentType ? { 'Content-Type': contentType } : {}),
      ...options.headers,
      ...(body ? { 'Content-Length': String(body.length) } : {}),
    };
    try {
      return await this.exchange(url, options, headers, body);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.exchange(url, options, headers, body, false);
    }
  }

  /** The host's addresses; tests replace it to play DNS. */
  protected resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true });
  }

  /** `reuse` false: on a connection of its own (the retry after a stale kept-alive one). */
  private exchange(
    url: URL,
    options: OutboundRequest,
    headers: Record<string, string>,
    body: Buffer | null,
    reuse = true,
  ): Promise<OutboundResponse> {
    const guard = this.guard;
    const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const secure = url.protocol === 'https:';
    const send = secure ? https.request : http.request;
    const agent = !reuse ? false : secure ? this.httpsAgent : this.httpAgent;
    return new Promise((resolve, reject) => {
      let settled = false;
      let answered = false;
      const fail = (error: OutboundHttpError | StaleSocketError) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(connectDeadline);
        request.destroy();
        reject(error);
      };
      const request = send(
        url,
        { method: options.method, headers, agent, lookup: guard?.lookup },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              fail(new OutboundHttpError('too-large', `Answer larger than ${limit} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(deadline);
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            });
          });
          response.on('error', (error) =>
            fail(
              new OutboundHttpError(
                'connection',
                `Connection to ${url.host} failed: ${error.message}`,
              ),
            ),
          );
        },
      );
      const deadline = setTimeout(
        () =>
          fail(
            new OutboundHttpError(
              'timeout',
              `No answer from ${url.host} within ${options.timeoutMs} ms`,
            ),
          ),
        options.timeoutMs,
      );
      const connectMs = options.connectTimeoutMs ?? options.timeoutMs;
      const connectDeadline = setTimeout(
        () =>
          fail(
            new OutboundHttpError(
              'connect-timeout',
              `Can't connect to ${url.host} within ${connectMs} ms`,
            ),
          ),
        connectMs,
      );
      request.on('socket', (socket) => {
        // Headers and body leave at once: with Nagle a small body can wait for a delayed ACK.
        socket.setNoDelay(true);
        if (guard) guard.watch(socket);
        if (socket.connecting) socket.once('connect', () => clearTimeout(connectDeadline));
        else clearTimeout(connectDeadline);
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (request.reusedSocket && !answered && STALE_SOCKET_CODES.has(error.code ?? '')) {
          fail(new StaleSocketError());
          return;
        }
        fail(
          error instanceof RemoteFetchError
            ? new OutboundHttpError('refused', error.message)
            : new OutboundHttpError('connection', `Can't connect to ${url.host}: ${error.message}`),
        );
      });
      request.end(body ?? undefined);
    });
  }
}

/** Internal: the request failed on a reused connection before any answer, and may be retried. */
class StaleSocketError extends Error {}

function encodeBody(body: unknown): { body: Buffer | null; contentType: string | null } {
  if (body === undefined) return { body: null, contentType: null };
  if (Buffer.isBuffer(body)) return { body, contentType: null };
  if (typeof body === 'string') return { body: Buffer.from(body), contentType: null };
  return { body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
}
