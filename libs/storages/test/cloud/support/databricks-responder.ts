import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { buffer } from 'node:stream/consumers';
import {
  closeServer,
  listenOnLoopback,
  RequestCounts,
  sendBytes,
  zeroCounts,
} from './responder-kit';
import { makeTestTls, TestTls } from './test-tls';

export interface VolumeFile {
  body: Buffer;
  modified: Date;
}

export interface DatabricksResponderOptions {
  /** Volumes as `catalog/schema/volume`. */
  volumes: string[];
  /** Personal access tokens accepted. */
  patTokens: string[];
  /** Service principal of the workspace (`/oidc/v1/token`) and of Entra ID (`/<tenant>/oauth2/...`). */
  servicePrincipal: { clientId: string; clientSecret: string; tenantId: string };
  /** Volumes listed but refused to every token (403), as `catalog/schema/volume`. */
  deniedVolumes?: string[];
  /** Lifetime of the OAuth tokens handed out. */
  tokenSeconds?: number;
}

const COUNTED = [
  'workspaceTokens',
  'entraTokens',
  'lists',
  'heads',
  'downloads',
  'uploads',
  'deletes',
  'refused',
] as const;
export type DatabricksCounts = RequestCounts<(typeof COUNTED)[number]>;

export interface DatabricksResponder {
  /** `https://127.0.0.1:<port>`: the workspace host and the Entra ID authority host. */
  host: string;
  tls: TestTls;
  /** Files by absolute path (`/Volumes/c/s/v/a/b.json`). */
  files: Map<string, VolumeFile>;
  counts: DatabricksCounts;
  /** Raw request targets, in order (method and URL as sent). */
  requests: string[];
  put(path: string, body: string | Buffer, modified?: Date): void;
  /** An empty directory (directories holding files exist anyway). */
  mkdir(path: string): void;
  /** Forgets the OAuth tokens handed out, as a revocation does. */
  revokeTokens(): void;
  /** Files whose downloads are never answered. */
  hanging: Set<string>;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for a Databricks workspace over HTTPS (a throwaway CA): the Files API subset of
 * Unity Catalog volumes (directory list/head, file get with ranges/head/put/delete) with bearer
 * tokens checked on every call, the workspace's OAuth M2M token endpoint and an Entra ID-style
 * client-credentials endpoint.
 */
export async function startDatabricksResponder(
  options: DatabricksResponderOptions,
): Promise<DatabricksResponder> {
  const tls = makeTestTls();
  const volumes = new Set(options.volumes.map((volume) => `/Volumes/${volume}`));
  const denied = new Set((options.deniedVolumes ?? []).map((volume) => `/Volumes/${volume}`));
  for (const volume of denied) volumes.add(volume);
  const files = new Map<string, VolumeFile>();
  const directories = new Set<string>();
  const tokens = new Map<string, number>(options.patTokens.map((token) => [token, Infinity]));
  const hanging = new Set<string>();
  const state = { counts: zeroCounts(COUNTED), requests: [] as string[] };
  const sp = options.servicePrincipal;

  const server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    state.requests.push(`${request.method} ${request.url}`);
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) sendError(response, 500, 'INTERNAL_ERROR', error.message);
    });
  });

  const issue = () => {
    const token = randomBytes(16).toString('hex');
    const seconds = options.tokenSeconds ?? 3600;
    tokens.set(token, Date.now() + seconds * 1000);
    return { access_token: token, token_type: 'Bearer', expires_in: seconds };
  };

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const [rawPath, rawQuery = ''] = (request.url ?? '/').split('?');
    const query = new URLSearchParams(rawQuery);
    const body = await buffer(request);
    const form = new URLSearchParams(body.toString());
    if (rawPath === '/oidc/v1/token' && request.method === 'POST') {
      const basic = Buffer.from(`${sp.clientId}:${sp.clientSecret}`).toString('base64');
      const good =
        request.headers.authorization === `Basic ${basic}` &&
        form.get('grant_type') === 'client_credentials' &&
        form.get('scope') === 'all-apis';
      if (!good) return sendJson(response, 401, { error: 'invalid_client' });
      state.counts.workspaceTokens++;
      return sendJson(response, 200, { ...issue(), scope: 'all-apis' });
    }
    if (rawPath === `/${sp.tenantId}/oauth2/v2.0/token` && request.method === 'POST') {
      const good =
        form.get('client_id') === sp.clientId &&
        form.get('client_secret') === sp.clientSecret &&
        form.get('grant_type') === 'client_credentials' &&
        form.get('scope') === '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default';
      if (!good) {
        return sendJson(response, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1',
        });
      }
      state.counts.entraTokens++;
      return sendJson(response, 200, issue());
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiry = bearer ? tokens.get(bearer) : undefined;
    if (expiry === undefined || expiry < Date.now()) {
      state.counts.refused++;
      return sendError(response, 401, 'UNAUTHENTICATED', 'Invalid access token.');
    }
    const api = /^\/api\/2\.0\/fs\/(files|directories)(\/.*)$/.exec(rawPath);
    if (!api) return sendError(response, 404, 'ENDPOINT_NOT_FOUND', `No API at ${rawPath}`);
    const segments = api[2].split('/').slice(1).map(decodeURIComponent);
    if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) {
      return sendError(response, 400, 'INVALID_PARAMETER_VALUE', 'Invalid path');
    }
    const path = `/${segments.join('/')}`;
    const volume = `/${segments.slice(0, 4).join('/')}`;
    if (segments[0] !== 'Volumes' || !volumes.has(volume)) {
      return sendError(response, 404, 'NOT_FOUND', `Volume ${volume} does not exist.`);
    }
    if (denied.has(volume)) {
      return sendError(response, 403, 'PERMISSION_DENIED', 'User does not have READ VOLUME.');
    }
    if (api[1] === 'directories') return directory(request, response, path, query);
    return file(request, response, path, query, body);
  }

  const isDirectory = (path: string) =>
    volumes.has(path) ||
    directories.has(path) ||
    [...files.keys(), ...directories].some((name) => name.startsWith(`${path}/`));

  function directory(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) {
    if (!isDirectory(path)) {
      if (request.method === 'HEAD') return response.writeHead(404).end();
      return sendError(response, 404, 'NOT_FOUND', 'The directory being accessed is not found.');
    }
    if (request.method === 'HEAD') {
      state.counts.heads++;
      return response.writeHead(200).end();
    }
    state.counts.lists++;
    const children = new Map<string, { path: string; is_directory: boolean }>();
    for (const name of [...files.keys(), ...directories]) {
      if (!name.startsWith(`${path}/`)) continue;
      const [child, ...rest] = name.slice(path.length + 1).split('/');
      const isDir = rest.length > 0 || directories.has(name);
      children.set(child, { path: `${path}/${child}`, is_directory: isDir });
    }
    const sorted = [...children.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const size = Math.min(Number(query.get('page_size') ?? 1000) || 1000, 1000);
    const offset = Number(Buffer.from(query.get('page_token') ?? '', 'base64url').toString() || 0);
    const page = sorted.slice(offset, offset + size).map(([name, entry]) => {
      const found = files.get(entry.path);
      return {
        ...entry,
        name,
        ...(found && !entry.is_directory
          ? { file_size: found.body.length, last_modified: found.modified.getTime() }
          : {}),
      };
    });
    const next = offset + size < sorted.length ? String(offset + size) : null;
    sendJson(response, 200, {
      contents: page,
      ...(next ? { next_page_token: Buffer.from(next).toString('base64url') } : {}),
    });
  }

  function file(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: URLSearchParams,
    body: Buffer,
  ) {
    const found = files.get(path);
    if (request.method === 'PUT') {
      if (found && query.get('overwrite') !== 'true') {
        return sendError(response, 409, 'ALREADY_EXISTS', 'The file being created already exists.');
      }
      if (request.headers['content-type'] !== 'application/octet-stream') {
        return sendError(response, 400, 'BAD_REQUEST', 'Expected application/octet-stream');
      }
      state.counts.uploads++;
      files.set(path, { body, modified: new Date() });
      return response.writeHead(204).end();
    }
    if (!found) {
      if (request.method === 'HEAD') return response.writeHead(404).end();
      return sendError(response, 404, 'NOT_FOUND', 'The file being accessed is not found.');
    }
    const headers = {
      'Content-Type': 'application/octet-stream',
      'Last-Modified': found.modified.toUTCString(),
    };
    if (request.method === 'DELETE') {
      state.counts.deletes++;
      files.delete(path);
      return response.writeHead(204).end();
    }
    if (request.method === 'HEAD') {
      state.counts.heads++;
      return response.writeHead(200, { ...headers, 'Content-Length': found.body.length }).end();
    }
    state.counts.downloads++;
    if (hanging.has(path)) return;
    sendBytes(request, response, found.body, headers);
  }

  const host = `https://127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    host,
    tls,
    files,
    get counts() {
      return state.counts;
    },
    get requests() {
      return state.requests;
    },
    put: (path, body, modified = new Date()) =>
      files.set(path, { body: Buffer.from(body), modified }),
    mkdir: (path) => directories.add(path),
    revokeTokens: () => {
      for (const [token, expiry] of tokens) if (expiry !== Infinity) tokens.delete(token);
    },
    hanging,
    reset: () => {
      state.counts = zeroCounts(COUNTED);
      state.requests = [];
    },
    stop: async () => {
      await closeServer(server);
      tls.remove();
    },
  };
}

function sendError(response: ServerResponse, status: number, code: string, message: string) {
  sendJson(response, status, { error_code: code, message });
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
