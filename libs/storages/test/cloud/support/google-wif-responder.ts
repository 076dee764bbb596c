import { createSign, KeyObject, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import { closeServer, listenOnLoopback, RequestCounts, zeroCounts } from './responder-kit';

export interface GoogleWifResponderOptions {
  /** The only audience STS accepts: `//iam.googleapis.com/projects/.../providers/<id>`. */
  audience: string;
  /** The only subject token STS accepts (the test's token file holds it); see `rotate`. */
  subjectToken: string;
  subjectTokenType?: string;
  /** The account `generateAccessToken` and `signBlob` act for. */
  serviceAccountEmail: string;
  /** The account's Google-managed key: `signBlob` signs with it. */
  signingKey: KeyObject;
  /** Lifetime of the federated and of the impersonated tokens. */
  tokenSeconds?: number;
}

const COUNTED = ['exchanges', 'impersonations', 'signatures', 'refused'] as const;
export type GoogleWifCounts = RequestCounts<(typeof COUNTED)[number]>;

export interface GoogleWifResponder {
  /** `http://127.0.0.1:<port>/v1/token`: `GCS_STS_ENDPOINT`. */
  stsEndpoint: string;
  /** `http://127.0.0.1:<port>`: `GCS_IAM_CREDENTIALS_ENDPOINT`. */
  iamEndpoint: string;
  counts: GoogleWifCounts;
  /** Subject tokens presented to STS, in order. */
  subjectTokens: string[];
  /** Whether `token` is an unexpired access token of the service account (for the GCS responder). */
  acceptsAccessToken(token: string): boolean;
  /** From now on STS accepts this subject token only (the old one was rotated out). */
  rotate(subjectToken: string): void;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for Google's STS (`POST /v1/token`, RFC 8693 token exchange, JSON or form body) and
 * IAM Credentials (`generateAccessToken`, `signBlob` of one service account), answering and
 * refusing as Google does.
 */
export async function startGoogleWifResponder(
  options: GoogleWifResponderOptions,
): Promise<GoogleWifResponder> {
  const federated = new Map<string, number>();
  const impersonated = new Map<string, number>();
  const state = { counts: zeroCounts(COUNTED), subjectToken: options.subjectToken };
  const subjectTokens: string[] = [];
  const seconds = options.tokenSeconds ?? 3600;
  const live = (tokens: Map<string, number>, token: string | undefined) =>
    token !== undefined && (tokens.get(token) ?? 0) > Date.now();
  const mint = (tokens: Map<string, number>, prefix: string) => {
    const token = `${prefix}${randomBytes(24).toString('base64url')}`;
    tokens.set(token, Date.now() + seconds * 1000);
    return token;
  };

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://responder').pathname;
    if (request.method === 'POST' && path === '/v1/token') return exchange(request, response);
    const call =
      /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):(generateAccessToken|signBlob)$/.exec(path);
    if (request.method !== 'POST' || !call) {
      return iamError(response, 404, 'NOT_FOUND', `Not served here: ${request.method} ${path}`);
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!live(federated, bearer) && !live(impersonated, bearer)) {
      state.counts.refused++;
      return iamError(
        response,
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    }
    if (decodeURIComponent(call[1]) !== options.serviceAccountEmail) {
      state.counts.refused++;
      const permission = call[2] === 'signBlob' ? 'signBlob' : 'getAccessToken';
      return iamError(
        response,
        403,
        'PERMISSION_DENIED',
        `Permission 'iam.serviceAccounts.${permission}' denied on resource (or it may not exist).`,
      );
    }
    const body = JSON.parse((await text(request)) || '{}') as Record<string, unknown>;
    if (call[2] === 'generateAccessToken') {
      if (!Array.isArray(body.scope) || body.scope.length === 0) {
        return iamError(response, 400, 'INVALID_ARGUMENT', 'Scope required.');
      }
      state.counts.impersonations++;
      const accessToken = mint(impersonated, 'ya29.impersonated.');
      const expireTime = new Date(impersonated.get(accessToken) ?? 0).toISOString();
      return sendJson(response, 200, { accessToken, expireTime });
    }
    if (typeof body.payload !== 'string') {
      return iamError(response, 400, 'INVALID_ARGUMENT', 'Payload required.');
    }
    state.counts.signatures++;
    const signedBlob = createSign('RSA-SHA256')
      .update(Buffer.from(body.payload, 'base64'))
      .sign(options.signingKey, 'base64');
    sendJson(response, 200, { keyId: 'google-managed-key-1', signedBlob });
  }

  async function exchange(request: IncomingMessage, response: ServerResponse) {
    const raw = await text(request);
    const fields = String(request.headers['content-type']).startsWith('application/json')
      ? new URLSearchParams(JSON.parse(raw) as Record<string, string>)
      : new URLSearchParams(raw);
    const subjectToken = fields.get('subject_token') ?? '';
    subjectTokens.push(subjectToken);
    const refuse = (error: string, description: string) => {
      state.counts.refused++;
      sendJson(response, 400, { error, error_description: description });
    };
    if (
      fields.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
      fields.get('requested_token_type') !== 'urn:ietf:params:oauth:token-type:access_token'
    ) {
      return refuse('invalid_request', 'Invalid value for "grant_type" or "requested_token_type".');
    }
    if (fields.get('audience') !== options.audience) {
      return refuse(
        'invalid_target',
        'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.',
      );
    }
    const type = options.subjectTokenType ?? 'urn:ietf:params:oauth:token-type:jwt';
    if (fields.get('subject_token_type') !== type || subjectToken !== state.subjectToken) {
      return refuse('invalid_grant', 'The provided subject token is invalid or has expired.');
    }
    if (!fields.get('scope')?.includes('https://www.googleapis.com/auth/cloud-platform')) {
      return refuse('invalid_scope', 'The scope must include cloud-platform.');
    }
    state.counts.exchanges++;
    sendJson(response, 200, {
      access_token: mint(federated, 'ya29.federated.'),
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: seconds,
    });
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) iamError(response, 500, 'INTERNAL', error.message);
    });
  });
  const port = await listenOnLoopback(server);
  const iamEndpoint = `http://127.0.0.1:${port}`;
  return {
    stsEndpoint: `${iamEndpoint}/v1/token`,
    iamEndpoint,
    get counts() {
      return state.counts;
    },
    subjectTokens,
    acceptsAccessToken: (token) => live(impersonated, token),
    rotate(subjectToken) {
      state.subjectToken = subjectToken;
    },
    reset() {
      state.counts = zeroCounts(COUNTED);
      subjectTokens.length = 0;
    },
    stop: () => closeServer(server),
  };
}

function iamError(response: ServerResponse, code: number, status: string, message: string) {
  sendJson(response, code, { error: { code, message, status } });
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
