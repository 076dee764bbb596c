import { open } from 'node:fs/promises';
import type { GcsWifContext } from '../../storages/storage-type';
import { StorageConnectionError } from '../storage-provider';
import { AccessToken, GCS_SCOPE, StorageAuth } from './gcs-auth';
import { GcsHttp, JsonResponse } from './gcs-http';
import { WifTarget } from './gcs-wif-settings';

export const GOOGLE_STS_ENDPOINT = 'https://sts.googleapis.com/v1/token';
export const GOOGLE_IAM_CREDENTIALS_ENDPOINT = 'https://iamcredentials.googleapis.com';

/** What the federated token may do: impersonation needs the broad scope. */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const IMPERSONATION_LIFETIME = '3600s';
/** A federated token is exchanged again this long before it expires (the SDK's own margin). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** An OIDC token is a few kilobytes; a larger file is not one. */
const MAX_SUBJECT_TOKEN_BYTES = 64 * 1024;
/** Longest part of Google's error text quoted in a message. */
const MAX_REASON_LENGTH = 500;

/**
 * A `StorageAuth` for a service account reached through workload identity federation: the
 * server's subject token is exchanged at Google's STS for a federated token, which impersonates
 * the account (IAM `generateAccessToken`) and signs URLs for it (IAM `signBlob`).
 */
export function workloadIdentityAuth(
  target: WifTarget,
  context: GcsWifContext,
  http: GcsHttp,
): StorageAuth {
  const federation = new WorkloadIdentityFederation(target, context, http);
  return new StorageAuth(
    target.serviceAccountEmail,
    () => federation.impersonate(),
    (data) => federation.signBlob(data),
  );
}

class WorkloadIdentityFederation {
  private federated: AccessToken | null = null;
  private pendingExchange: Promise<AccessToken> | null = null;
  private readonly stsEndpoint: string;
  private readonly accountUrl: string;
  /** Tokens seen, kept out of every error message. */
  private readonly secrets = new Set<string>();

  constructor(
    private readonly target: WifTarget,
    private readonly context: GcsWifContext,
    private readonly http: GcsHttp,
  ) {
    this.stsEndpoint = context.stsEndpoint || GOOGLE_STS_ENDPOINT;
    const iamRoot = (context.iamCredentialsEndpoint || GOOGLE_IAM_CREDENTIALS_ENDPOINT).replace(
      /\/+$/,
      '',
    );
    const email = encodeURIComponent(target.serviceAccountEmail);
    this.accountUrl = `${iamRoot}/v1/projects/-/serviceAccounts/${email}`;
  }

  /** An access token of the service account (`generateAccessToken`), as `StorageAuth` caches it. */
  async impersonate(): Promise<AccessToken> {
    const step = `impersonation of ${this.target.serviceAccountEmail} (IAM generateAccessToken)`;
    const answer = await this.callIam(step, 'generateAccessToken', {
      scope: [GCS_SCOPE],
      lifetime: IMPERSONATION_LIFETIME,
    });
    const { accessToken, expireTime } = answer as { accessToken?: unknown; expireTime?: unknown };
    const expiresAt = typeof expireTime === 'string' ? Date.parse(expireTime) : NaN;
    if (typeof accessToken !== 'string' || !accessToken || Number.isNaN(expiresAt)) {
      throw this.failure(step, 'the answer has no accessToken and expireTime');
    }
    this.secrets.add(accessToken);
    return { token: accessToken, expiresAt };
  }

  /** Base64 RSA-SHA256 signature of `data` by the service account's Google-managed key. */
  async signBlob(data: string): Promise<string> {
    const step = `signing as ${this.target.serviceAccountEmail} (IAM signBlob)`;
    const answer = await this.callIam(step, 'signBlob', {
      payload: Buffer.from(data).toString('base64'),
    });
    const { signedBlob } = answer as { signedBlob?: unknown };
    if (typeof signedBlob !== 'string' || !signedBlob) {
      throw this.failure(step, 'the answer has no signedBlob');
    }
    return signedBlob;
  }

  /** A call of the IAM Credentials API on the service account, with the federated token. */
  private async callIam(step: string, method: string, body: object): Promise<object> {
    const token = await this.federatedToken();
    const answer = await this.post(step, `${this.accountUrl}:${method}`, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    // A revoked or expired federated token: the next call exchanges the subject token again.
    if (answer.status === 401) this.federated = null;
    if (answer.status !== 200) throw this.failure(step, reasonOf(answer));
    return answer.body as object;
  }

  /** The federated token, exchanged again shortly before it expires; one exchange at a time. */
  private async federatedToken(): Promise<string> {
    const cached = this.federated;
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return cached.token;
    this.pendingExchange ??= this.exchange().finally(() => {
      this.pendingExchange = null;
    });
    this.federated = await this.pendingExchange;
    return this.federated.token;
  }

  /** STS token exchange (RFC 8693) of the subject token read from the server's file just now. */
  private async exchange(): Promise<AccessToken> {
    const subjectToken = await readSubjectToken(this.context.subjectTokenFile);
    this.secrets.add(subjectToken);
    const step = `token exchange at ${new URL(this.stsEndpoint).origin} (STS)`;
    const answer = await this.post(step, this.stsEndpoint, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        scope: CLOUD_PLATFORM_SCOPE,
        audience: this.target.audience,
        subject_token: subjectToken,
        subject_token_type: this.context.subjectTokenType,
      }).toString(),
    });
    const fields = (answer.body ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (answer.status !== 200) throw this.failure(step, reasonOf(answer));
    if (typeof fields.access_token !== 'string' || !fields.access_token) {
      throw this.failure(step, 'the answer has no access_token');
    }
    this.secrets.add(fields.access_token);
    const seconds = Number(fields.expires_in) > 0 ? Number(fields.expires_in) : 3600;
    return { token: fields.access_token, expiresAt: Date.now() + seconds * 1000 };
  }

  private async post(
    step: string,
    url: string,
    init: { headers: Record<string, string>; body: string },
  ): Promise<JsonResponse> {
    try {
      return await this.http.fetchJson(url, { method: 'POST', ...init });
    } catch (error) {
      // Refused by the address guard, unreachable, or no answer in time.
      throw this.failure(step, (error as Error).message);
    }
  }

  private failure(step: string, reason: string): StorageConnectionError {
    let text = reason.slice(0, MAX_REASON_LENGTH);
    for (const secret of this.secrets) text = text.split(secret).join('[redacted]');
    return new StorageConnectionError(`GCS WIF ${step} failed: ${text}`);
  }
}

/** Google's words for a refusal: STS's `error_description`, IAM's `error.message`. */
function reasonOf({ status, body }: JsonResponse): string {
  if (typeof body === 'object' && body !== null) {
    const { error, error_description: description } = body as Record<string, unknown>;
    if (typeof description === 'string' && description) return description;
    if (typeof error === 'object' && error !== null) {
      const message = (error as Record<string, unknown>).message;
      if (typeof message === 'string' && message) return message;
    }
    if (typeof error === 'string' && error) return error;
  }
  return `HTTP ${status}`;
}

/** The server's subject token, as its file holds it now (projected tokens are rotated). */
async function readSubjectToken(file: string): Promise<string> {
  if (!file) {
    throw new StorageConnectionError(
      'GCS_WIF_SUBJECT_TOKEN_FILE is not set on the server: GCS with WIF needs the workload identity token of the server (ask its administrator)',
    );
  }
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_SUBJECT_TOKEN_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    // The code only (ENOENT, EACCES): the server's paths are not the user's business.
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new StorageConnectionError(
      `GCS WIF reading the subject token (GCS_WIF_SUBJECT_TOKEN_FILE) failed: ${code}`,
    );
  }
  const token = bytes.toString('utf8').trim();
  if (!token || bytes.length > MAX_SUBJECT_TOKEN_BYTES) {
    throw new StorageConnectionError(
      `GCS WIF reading the subject token (GCS_WIF_SUBJECT_TOKEN_FILE) failed: ${token ? 'larger than 64 KiB' : 'the file is empty'}`,
    );
  }
  return token;
}
