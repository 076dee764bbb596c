import { StorageConnectionError } from '../storage-provider';
import { hasControl } from './databricks-paths';

export type DatabricksAuthType = 'pat' | 'dbx_sp' | 'azure_ad_sp';

/**
 * The settings of a `databricks` storage under Label Studio Enterprise's names. Empty strings and
 * nulls both mean "not set".
 */
export interface DatabricksSettings {
  host?: string | null;
  catalog?: string | null;
  schema?: string | null;
  volume?: string | null;
  prefix?: string | null;
  auth_type?: string | null;
  /** Personal access token (`pat`), sealed at rest. */
  token?: string | null;
  client_id?: string | null;
  /** Service principal secret (`dbx_sp`, `azure_ad_sp`), sealed at rest. */
  client_secret?: string | null;
  tenant_id?: string | null;
  request_timeout_s?: number | null;
  stream_chunk_bytes?: number | null;
  verify_tls?: boolean | null;
  recursive_scan?: boolean;
}

/** What the connection is built from: the settings checked and normalised. */
export interface DatabricksTarget {
  /** The workspace's base URL, no trailing slash (`https://adb-1.2.azuredatabricks.net`). */
  host: string;
  catalog: string;
  schema: string;
  volume: string;
  auth: DatabricksCredentials;
  /** Bounds each request (connect, answer, and every wait of a streamed body). */
  timeoutMs: number;
  /** Largest chunk of a streamed download, and how much of it is read ahead of its consumer. */
  chunkBytes: number;
  verifyTls: boolean;
}

export type DatabricksCredentials =
  | { type: 'pat'; token: string }
  | { type: 'dbx_sp'; clientId: string; clientSecret: string }
  | { type: 'azure_ad_sp'; tenantId: string; clientId: string; clientSecret: string };

export const DEFAULT_REQUEST_TIMEOUT_S = 30;
export const DEFAULT_STREAM_CHUNK_BYTES = 1024 * 1024;
/** Longest wait allowed for one request; larger values are lowered to it. */
const MAX_REQUEST_TIMEOUT_S = 600;
const MIN_STREAM_CHUNK_BYTES = 4 * 1024;
const MAX_STREAM_CHUNK_BYTES = 64 * 1024 * 1024;

const AUTH_TYPES: readonly DatabricksAuthType[] = ['pat', 'dbx_sp', 'azure_ad_sp'];
/** A directory tenant: its GUID or one of its domain names. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$/;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The settings of a storage, checked: what cannot work is the user's to fix (a 400 naming it).
 * `defaultTimeoutMs` is the server's `STORAGE_REQUEST_TIMEOUT_MS`, used when the storage sets 0.
 */
export function databricksTargetOf(
  settings: DatabricksSettings,
  defaultTimeoutMs: number,
): DatabricksTarget {
  const host = workspaceUrl(text(settings.host));
  const catalog = volumeName('Catalog', settings.catalog);
  const schema = volumeName('Schema', settings.schema);
  const volume = volumeName('Volume', settings.volume);
  const seconds = Number(settings.request_timeout_s ?? DEFAULT_REQUEST_TIMEOUT_S);
  const chunk = Number(settings.stream_chunk_bytes ?? DEFAULT_STREAM_CHUNK_BYTES);
  return {
    host,
    catalog,
    schema,
    volume,
    auth: credentialsOf(settings),
    timeoutMs: seconds > 0 ? Math.min(seconds, MAX_REQUEST_TIMEOUT_S) * 1000 : defaultTimeoutMs,
    chunkBytes:
      chunk > 0
        ? Math.max(MIN_STREAM_CHUNK_BYTES, Math.min(chunk, MAX_STREAM_CHUNK_BYTES))
        : DEFAULT_STREAM_CHUNK_BYTES,
    verifyTls: settings.verify_tls !== false,
  };
}

/** `https://` and a host, nothing else that would change where requests go. */
function workspaceUrl(host: string): string {
  if (!host) throw new StorageConnectionError('Databricks host is required');
  const url = URL.canParse(host) ? new URL(host) : null;
  if (!url || url.protocol !== 'https:' || !url.hostname) {
    throw new StorageConnectionError(
      `Invalid Databricks host "${host}": give the workspace base URL (https://...)`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new StorageConnectionError(
      'Invalid Databricks host: the workspace base URL takes no credentials, query or fragment',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A Unity Catalog name: one path segment, never `.` or `..`. */
function volumeName(label: string, value: unknown): string {
  const name = text(value);
  if (!name) throw new StorageConnectionError(`${label} name is required`);
  if (name === '.' || name === '..' || /[/\\]/.test(name) || hasControl(name)) {
    throw new StorageConnectionError(`Invalid ${label.toLowerCase()} name "${name}"`);
  }
  return name;
}

function credentialsOf(settings: DatabricksSettings): DatabricksCredentials {
  const type = text(settings.auth_type) || 'pat';
  if (!AUTH_TYPES.includes(type as DatabricksAuthType)) {
    throw new StorageConnectionError(
      `Invalid auth_type "${type}": one of ${AUTH_TYPES.join(', ')}`,
    );
  }
  if (type === 'pat') {
    const token = text(settings.token);
    if (!token) {
      throw new StorageConnectionError('Databricks personal access token is required for PAT auth');
    }
    return { type, token };
  }
  const clientId = text(settings.client_id);
  const clientSecret = text(settings.client_secret);
  if (!clientId || !clientSecret) {
    throw new StorageConnectionError(
      'Service principal client_id and client_secret are required for service principal auth',
    );
  }
  if (type === 'dbx_sp') return { type, clientId, clientSecret };
  const tenantId = text(settings.tenant_id);
  if (!tenantId) {
    throw new StorageConnectionError('Azure AD tenant_id is required for Azure AD SP auth');
  }
  if (!TENANT_ID.test(tenantId)) {
    throw new StorageConnectionError(`Invalid Azure AD tenant_id "${tenantId}"`);
  }
  return { type: 'azure_ad_sp', tenantId, clientId, clientSecret };
}
