import { StorageConnectionError } from '../storage-provider';
import { databricksError } from './databricks-errors';
import { DatabricksHttp, JsonAnswer } from './databricks-http';
import { DatabricksCredentials } from './databricks-settings';

/** Microsoft Entra ID's application ID of Azure Databricks: the resource its tokens are for. */
export const AZURE_DATABRICKS_SCOPE = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default';
export const AZURE_PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';

/** A token is renewed this long before it expires (or at half its life, if that is sooner). */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** The `Authorization` header of the Files API's requests. */
export interface Authorizer {
  header(): Promise<string>;
  /** Drops a cached token the API refused; true when a new one can be asked for. */
  invalidate(): boolean;
}

interface CachedToken {
  token: string;
  renewAt: number;
}

/**
 * The authorizer of a storage's credentials: its personal access token as it is, or an OAuth
 * client-credentials token of its service principal (from the workspace, or from Entra ID at
 * `authorityHost`), cached until shortly before it expires.
 */
export function authorizerOf(
  credentials: DatabricksCredentials,
  host: string,
  authorityHost: string,
  http: DatabricksHttp,
): Authorizer {
  if (credentials.type === 'pat') {
    const header = `Bearer ${credentials.token}`;
    return { header: async () => header, invalidate: () => false };
  }
  if (credentials.type === 'dbx_sp') {
    const url = `${host}/oidc/v1/token`;
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
      'base64',
    );
    return new CachingAuthorizer(() =>
      fetchToken(http, url, 'a Databricks OAuth token', {
        headers: { Authorization: `Basic ${basic}` },
        form: { grant_type: 'client_credentials', scope: 'all-apis' },
      }),
    );
  }
  const authority = (authorityHost || AZURE_PUBLIC_AUTHORITY).replace(/\/+$/, '');
  const url = `${authority}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
  return new CachingAuthorizer(() =>
    fetchToken(http, url, 'an Azure AD token for Azure Databricks', {
      headers: {},
      form: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: AZURE_DATABRICKS_SCOPE,
      },
    }),
  );
}

class CachingAuthorizer implements Authorizer {
  private cached: CachedToken | null = null;
  private pending: Promise<CachedToken> | null = null;

  constructor(private readonly fetch: () => Promise<CachedToken>) {}

  async header(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return `Bearer ${this.cached.token}`;
    // One token request at a time: concurrent calls wait for the same answer.
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    this.cached = await this.pending;
    return `Bearer ${this.cached.token}`;
  }

  invalidate(): boolean {
    this.cached = null;
    return true;
  }
}

async function fetchToken(
  http: DatabricksHttp,
  url: string,
  what: string,
  request: { headers: Record<string, string>; form: Record<string, string> },
): Promise<CachedToken> {
  let answer: JsonAnswer;
  try {
    answer = await http.json({
      method: 'POST',
      url,
      headers: { ...request.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(request.form).toString(),
    });
  } catch (error) {
    const mapped = databricksError(error, { host: new URL(url).origin, path: url, secrets: [] });
    throw mapped instanceof StorageConnectionError
      ? new StorageConnectionError(`Cannot get ${what}: ${mapped.message}`)
      : mapped;
  }
  const fields = (
    typeof answer.body === 'object' && answer.body !== null ? answer.body : {}
  ) as Record<string, unknown>;
  if (answer.status !== 200 || typeof fields.access_token !== 'string' || !fields.access_token) {
    const reason =
      typeof fields.error_description === 'string'
        ? fields.error_description.split(/\r?\n/)[0]
        : typeof fields.error === 'string'
          ? fields.error
          : `HTTP ${answer.status}`;
    throw new StorageConnectionError(`Cannot get ${what} from ${url}: ${reason}`);
  }
  const lifetimeMs = (Number(fields.expires_in) > 0 ? Number(fields.expires_in) : 3600) * 1000;
  return {
    token: fields.access_token,
    renewAt: Date.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2),
  };
}
