import { Injectable } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AddressGuard, AppConfig, RemoteFetchError } from '@ls/core';
import { ByteLimit, tooLarge } from './byte-limit';

export interface RemoteFile {
  /** Last path segment of the final URL, decoded; '' when the path ends with a slash. */
  filename: string;
  finalUrl: string;
  size: number;
  contentType: string | null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads http(s) URLs given by users. With `SSRF_PROTECTION` every hop's address is checked
 * when connecting, so neither redirects nor DNS rebinding reach a reserved network.
 */
@Injectable()
export class RemoteFetcher {
  private readonly guard: AddressGuard | null;

  constructor(private readonly config: AppConfig) {
    this.guard = AddressGuard.fromSettings(config, (host) => this.resolve(host));
  }

  /** Streams `url` into `destinationPath`; on any failure nothing is left there. */
  async download(url: string, destinationPath: string): Promise<RemoteFile> {
    const timeoutMs = this.config.REMOTE_FETCH_TIMEOUT_MS;
    const signal = AbortSignal.timeout(timeoutMs);
    await mkdir(dirname(destinationPath), { recursive: true });
    try {
      const { response, finalUrl } = await this.follow(httpUrl(url), signal);
      const size = await this.save(response, destinationPath, signal);
      return {
        filename: filenameOf(finalUrl),
        finalUrl: finalUrl.href,
        size,
        contentType: response.headers['content-type'] ?? null,
      };
    } catch (error) {
      const timedOut = signal.aborted;
      // The original failure matters more than one to clean up.
      await rm(destinationPath, { force: true }).catch(() => undefined);
      if (timedOut) throw new RemoteFetchError(`Remote download took longer than ${timeoutMs} ms`);
      throw error;
    }
  }

  /** The host's addresses; tests replace it to play DNS. */
  protected resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true });
  }

  private async follow(
    url: URL,
    signal: AbortSignal,
  ): Promise<{ response: IncomingMessage; finalUrl: URL }> {
    const maxRedirects = this.config.REMOTE_FETCH_MAX_REDIRECTS;
    for (let redirects = 0; ; redirects++) {
      const response = await this.request(url, signal);
      const status = response.statusCode ?? 0;
      if (!REDIRECT_STATUSES.has(status)) return { response, finalUrl: url };
      response.destroy();
      if (redirects === maxRedirects) {
        throw new RemoteFetchError(`Too many redirects (more than ${maxRedirects})`);
      }
      const location = response.headers.location;
      if (!location) {
        throw new RemoteFetchError(`Remote server answered ${status} without Location`);
      }
      url = httpUrl(location, url);
    }
  }

  private request(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
    const guard = this.guard;
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (guard && isIP(literal) !== 0) guard.assertAllowed(literal);
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      // No shared agent: a pooled socket may have been opened without the guard.
      const request = send(url, { agent: false, lookup: guard?.lookup, signal }, resolve);
      if (guard) request.on('socket', (socket) => guard.watch(socket));
      request.on('error', (error) =>
        reject(
          error instanceof RemoteFetchError || signal.aborted
            ? error
            : new RemoteFetchError(`Can't download from ${url.host}: ${error.message}`),
        ),
      );
      request.end();
    });
  }

  private async save(response: IncomingMessage, path: string, signal: AbortSignal) {
    const status = response.statusCode ?? 0;
    const limit = this.config.IMPORT_MAX_FILE_SIZE;
    if (status < 200 || status > 299) {
      response.destroy();
      throw new RemoteFetchError(`Remote server answered ${status}`);
    }
    if (Number(response.headers['content-length']) > limit) {
      response.destroy();
      throw tooLarge(limit);
    }
    const counter = new ByteLimit(limit);
    const file = createWriteStream(path);
    // pipeline fails every stream with the first error; whichever failed first is at fault.
    let failedFirst: 'remote' | 'disk' | undefined;
    response.once('error', () => (failedFirst ??= 'remote'));
    file.once('error', () => (failedFirst ??= 'disk'));
    try {
      await pipeline(response, counter, file, { signal });
    } catch (error) {
      // The caller deletes the file: it must be closed first, or a late open could recreate it.
      if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
      if (error instanceof RemoteFetchError || failedFirst === 'disk' || signal.aborted) {
        throw error;
      }
      throw new RemoteFetchError(`Remote download failed: ${(error as Error).message}`);
    }
    return counter.bytes;
  }
}

function httpUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new RemoteFetchError(`Not a valid URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteFetchError('Only http and https URLs can be imported');
  }
  return url;
}

function filenameOf(url: URL): string {
  const segment = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed escapes: keep the segment as sent.
  }
  // A decoded %2F or '..' must never name another directory.
  const name = decoded.split(/[/\\]/).pop() ?? '';
  return name === '.' || name === '..' ? '' : name;
}
