import { createSign, randomUUID } from 'node:crypto';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { StorageConnectionError } from '../storage-provider';
import { ServiceAccountKey } from './gcs-credentials';
import { GcsHttp } from './gcs-http';

/** The scope of the access tokens asked for: objects read, written and deleted. */
export const GCS_SCOPE = 'https://www.googleapis.com/auth/devstorage.read_write';

/** Lifetime of the signed assertion: Google accepts at most an hour. */
const ASSERTION_LIFETIME_SECONDS = 3600;

export interface AccessToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * The SDK's `GoogleAuth` with the storage's own token source and signer: requests carry a token
 * from `fetchToken` (cached by the client until 5 minutes before it expires), signed URLs by
 * `signBlob` as `clientEmail`.
 */
export class StorageAuth extends GoogleAuth<OAuth2Client> {
  constructor(
    clientEmail: string,
    fetchToken: () => Promise<AccessToken>,
    private readonly signWith: (data: string) => Promise<string>,
  ) {
    const client = new OAuth2Client();
    // The client refreshes for every request that finds no fresh token, concurrent ones too:
    // those share one fetch.
    let pending: Promise<AccessToken> | null = null;
    client.refreshHandler = async () => {
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      const { token, expiresAt } = await pending;
      return { access_token: token, expiry_date: expiresAt };
    };
    // `credentials` only names the signer for the SDK's URL signer; the client is ours.
    super({ authClient: client, credentials: { client_email: clientEmail } });
  }

  /** Base64 RSA-SHA256 signature of `data` (the SDK's V4 URL signer calls this). */
  override sign(data: string): Promise<string> {
    return this.signWith(data);
  }
}

/**
 * A service account's tokens: a JWT assertion signed with its private key, exchanged at its
 * `token_uri` (RFC 7523 bearer grant), through the connection's guarded agents.
 */
export function serviceAccountAuth(key: ServiceAccountKey, http: GcsHttp): StorageAuth {
  const fetchToken = async (): Promise<AccessToken> => {
    const now = Math.floor(Date.now() / 1000);
    const assertion = signedJwt(key, {
      iss: key.clientEmail,
      scope: GCS_SCOPE,
      aud: key.tokenUri,
      iat: now,
      exp: now + ASSERTION_LIFETIME_SECONDS,
      jti: randomUUID(),
    });
    const body = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
    }).toString();
    let answer;
    try {
      answer = await http.fetchJson(key.tokenUri, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
    } catch (error) {
      throw new StorageConnectionError(
        `Cannot get a Google access token from ${key.tokenUri}: ${(error as Error).message}`,
      );
    }
    return accessTokenOf(answer.status, answer.body, key.tokenUri);
  };
  const signBlob = async (data: string) =>
    createSign('RSA-SHA256').update(data).sign(key.privateKey, 'base64');
  return new StorageAuth(key.clientEmail, fetchToken, signBlob);
}

/** An OAuth2 token answer (`access_token`, `expires_in`), or the error it carries. */
export function accessTokenOf(status: number, body: unknown, from: string): AccessToken {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (status !== 200 || typeof fields.access_token !== 'string') {
    const reason =
      typeof fields.error_description === 'string'
        ? fields.error_description
        : typeof fields.error === 'string'
          ? fields.error
          : `HTTP ${status}`;
    throw new StorageConnectionError(`Cannot get a Google access token from ${from}: ${reason}`);
  }
  const expiresIn = Number(fields.expires_in) > 0 ? Number(fields.expires_in) : 3600;
  return { token: fields.access_token, expiresAt: Date.now() + expiresIn * 1000 };
}

function signedJwt(key: ServiceAccountKey, claims: Record<string, unknown>): string {
  const header = {
    alg: 'RS256',
    typ: 'JWT',
    ...(key.privateKeyId ? { kid: key.privateKeyId } : {}),
  };
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey, 'base64url');
  return `${unsigned}.${signature}`;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
