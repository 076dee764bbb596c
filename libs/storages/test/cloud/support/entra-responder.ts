import { createSign, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

/** One application (service principal) the responder knows. */
export interface EntraApplication {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The principal's object id, the token's `oid` (azurite derives user delegation keys from it). */
  objectId: string;
}

export interface EntraResponderOptions {
  /** The responder's TLS key and certificate (MSAL talks to HTTPS authorities only). */
  tls: { key: string; cert: string };
  applications: EntraApplication[];
  /** Lifetime of the access tokens handed out. */
  tokenSeconds?: number;
}

export interface EntraRequestCounts {
  /** `/<tenant>/v2.0/.well-known/openid-configuration` */
  metadata: number;
  /** `/common/discovery/instance` (MSAL's instance discovery) */
  discovery: number;
  /** Client credentials grants, answered or refused. */
  tokens: number;
  refused: number;
}

export interface EntraResponder {
  /** `https://127.0.0.1:<port>`: the authority host (`AZURE_AUTHORITY_HOST`). */
  authorityHost: string;
  counts: EntraRequestCounts;
  /** The client secrets the token requests carried (to check what was sent, and where). */
  secretsSeen: string[];
  /** While true, token requests are taken and never answered (a hung identity provider). */
  stallTokens: boolean;
  reset(): void;
  stop(): Promise<void>;
}

/** The resource the storage SDK asks tokens for. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';

const zeroCounts = (): EntraRequestCounts => ({ metadata: 0, discovery: 0, tokens: 0, refused: 0 });

/**
 * A stand-in for Microsoft Entra ID's v2.0 endpoints as MSAL uses them for a confidential
 * client: the OpenID metadata of a tenant, instance discovery, and the token endpoint's client
 * credentials grant. Access tokens are JWTs with the claims azurite's `--oauth basic` checks
 * (issuer under `https://sts.windows.net/`, storage audience, `nbf`/`exp`/`iat`), plus the
 * `oid`/`tid` its user delegation keys are made from; they are signed with the TLS key, though
 * azurite does not check signatures.
 */
export async function startEntraResponder(options: EntraResponderOptions): Promise<EntraResponder> {
  const counts = zeroCounts();
  const secretsSeen: string[] = [];
  const server = createServer(options.tls, (request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent)
        sendJson(response, 500, { error: 'server_error', error_description: error.message });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const authorityHost = `https://127.0.0.1:${port}`;

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', authorityHost);
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (metadata && request.method === 'GET') {
      counts.metadata++;
      if (!options.applications.some((app) => app.tenantId === metadata[1])) {
        return sendJson(
          response,
          400,
          entraError('invalid_tenant', 90002, `Tenant '${metadata[1]}' not found.`),
        );
      }
      return sendJson(response, 200, openIdConfiguration(authorityHost, metadata[1]));
    }
    if (url.pathname === '/common/discovery/instance') {
      counts.discovery++;
      return sendJson(
        response,
        400,
        entraError('invalid_instance', 50049, 'Unknown or invalid instance.'),
      );
    }
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (tokenPath && request.method === 'POST') {
      if (responder.stallTokens) {
        counts.tokens++;
        return;
      }
      return token(tokenPath[1], new URLSearchParams(await text(request)), response);
    }
    sendJson(
      response,
      404,
      entraError('not_found', 0, `No route ${request.method} ${url.pathname}`),
    );
  }

  function token(tenant: string, form: URLSearchParams, response: ServerResponse) {
    counts.tokens++;
    secretsSeen.push(form.get('client_secret') ?? '');
    const refuse = (status: number, error: string, code: number, description: string) => {
      counts.refused++;
      sendJson(response, status, entraError(error, code, description));
    };
    if (form.get('grant_type') !== 'client_credentials') {
      return refuse(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const known = options.applications.filter((app) => app.tenantId === tenant);
    if (known.length === 0) {
      return refuse(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
    }
    const clientId = form.get('client_id') ?? '';
    const app = known.find((candidate) => candidate.clientId === clientId);
    if (!app) {
      return refuse(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
      );
    }
    if (form.get('client_secret') !== app.clientSecret) {
      return refuse(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    if (form.get('scope') !== STORAGE_SCOPE) {
      return refuse(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.get('scope')} is not valid.`,
      );
    }
    const seconds = options.tokenSeconds ?? 3599;
    sendJson(response, 200, {
      token_type: 'Bearer',
      expires_in: seconds,
      ext_expires_in: seconds,
      access_token: accessToken(app, seconds, options.tls.key),
    });
  }

  const responder: EntraResponder = {
    authorityHost,
    stallTokens: false,
    counts,
    secretsSeen,
    reset: () => {
      responder.stallTokens = false;
      Object.assign(counts, zeroCounts());
      secretsSeen.length = 0;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return responder;
}

function openIdConfiguration(host: string, tenant: string) {
  const base = `${host}/${tenant}`;
  return {
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
  };
}

function accessToken(app: EntraApplication, seconds: number, key: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ typ: 'JWT', alg: 'RS256' });
  const payload = encode({
    aud: 'https://storage.azure.com',
    iss: `https://sts.windows.net/${app.tenantId}/`,
    iat: now,
    nbf: now - 60,
    exp: now + seconds,
    appid: app.clientId,
    oid: app.objectId,
    sub: app.objectId,
    tid: app.tenantId,
    uti: randomUUID(),
    ver: '1.0',
  });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key, 'base64url');
  return `${header}.${payload}.${signature}`;
}

/** Entra's error body: `AADSTS<code>: <description>` with its trace lines. */
function entraError(error: string, code: number, description: string) {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\..*$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
}

function sendJson(response: ServerResponse, status: number, body: object) {
  response
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}
