import { createSign } from 'node:crypto';
import { LlmAuthError, LlmConnectionError } from './llm-provider';
import type { FetchFunction } from './guarded-fetch';

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
/** A token is renewed this long before it expires. */
const EARLY_RENEWAL_MS = 60_000;

interface ServiceAccount {
  client_email: string;
  private_key: string;
  token_uri: string;
}

/** The service account of a `google_application_credentials` JSON text; 400-worthy when not one. */
export function parseServiceAccount(json: string): ServiceAccount {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new LlmAuthError('google_application_credentials is not valid JSON', null);
  }
  const { client_email: email, private_key: key, token_uri: tokenUri } = parsed ?? {};
  if (typeof email !== 'string' || typeof key !== 'string') {
    throw new LlmAuthError(
      'google_application_credentials must be a service account key (client_email, private_key)',
      null,
    );
  }
  return {
    client_email: email,
    private_key: key,
    token_uri: typeof tokenUri === 'string' && tokenUri ? tokenUri : GOOGLE_TOKEN_URI,
  };
}

/**
 * Access tokens of a service account (the OAuth 2 JWT bearer grant), fetched through the guarded
 * fetch since `token_uri` comes from the user's JSON. Shaped as the auth client `@google/genai`
 * asks for request headers.
 */
export class VertexCredentials {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly account: ServiceAccount,
    private readonly fetch: FetchFunction,
  ) {}

  async getRequestHeaders(): Promise<Headers> {
    return new Headers({ Authorization: `Bearer ${await this.accessToken()}` });
  }

  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - EARLY_RENEWAL_MS > Date.now()) return this.token.value;
    const now = Math.floor(Date.now() / 1000);
    const assertion = signedJwt(this.account, {
      iss: this.account.client_email,
      scope: SCOPE,
      aud: this.account.token_uri,
      iat: now,
      exp: now + 3600,
    });
    let response: Response;
    try {
      response = await this.fetch(this.account.token_uri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }).toString(),
      });
    } catch (error) {
      throw new LlmConnectionError(`Can't reach ${this.account.token_uri}: ${String(error)}`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.access_token !== 'string') {
      const reason = body.error_description ?? body.error ?? `status ${response.status}`;
      throw new LlmAuthError(`Google rejected the service account: ${String(reason)}`, 401);
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.token = { value: body.access_token, expiresAt: Date.now() + lifetime * 1000 };
    return body.access_token;
  }
}

function signedJwt(account: ServiceAccount, claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  let signature: string;
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(account.private_key, 'base64url');
  } catch {
    throw new LlmAuthError('The private_key of google_application_credentials is not usable', null);
  }
  return `${unsigned}.${signature}`;
}
