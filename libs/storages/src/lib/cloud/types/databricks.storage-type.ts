import { DatabricksConnection } from '../providers/databricks/databricks-connection';
import {
  DEFAULT_REQUEST_TIMEOUT_S,
  DEFAULT_STREAM_CHUNK_BYTES,
  DatabricksSettings,
} from '../providers/databricks/databricks-settings';
import { FieldSpec } from '../storages/storage-fields';
import { StorageType } from '../storages/storage-type';

const DATABRICKS_FIELDS: readonly FieldSpec[] = [
  {
    name: 'host',
    kind: 'string',
    description: 'Databricks workspace base URL (https://...)',
    required: true,
  },
  { name: 'catalog', kind: 'string', description: 'UC catalog name', required: true },
  { name: 'schema', kind: 'string', description: 'UC schema name', required: true },
  { name: 'volume', kind: 'string', description: 'UC volume name', required: true },
  { name: 'prefix', kind: 'string', description: 'Path under the volume' },
  {
    name: 'auth_type',
    kind: 'string',
    description: 'Authentication method: pat, dbx_sp (Databricks SP) or azure_ad_sp (Azure AD SP)',
    default: 'pat',
  },
  {
    name: 'token',
    kind: 'string',
    description: 'Databricks personal access token (required for PAT mode)',
    secret: true,
  },
  {
    name: 'client_id',
    kind: 'string',
    description: 'Service principal client/application ID (required for SP modes)',
    default: '',
  },
  {
    name: 'client_secret',
    kind: 'string',
    description: 'Service principal client secret (required for SP modes)',
    secret: true,
  },
  {
    name: 'tenant_id',
    kind: 'string',
    description: 'Azure AD tenant ID (required for Azure AD SP mode)',
    default: '',
  },
  {
    name: 'request_timeout_s',
    kind: 'integer',
    description: 'Seconds each request may wait (0: the server default; at most 600)',
    default: DEFAULT_REQUEST_TIMEOUT_S,
    min: 0,
  },
  {
    name: 'stream_chunk_bytes',
    kind: 'integer',
    description: 'Largest chunk of a proxied download, and how much of it is read ahead',
    default: DEFAULT_STREAM_CHUNK_BYTES,
    min: 0,
  },
  { name: 'verify_tls', kind: 'boolean', description: 'Verify TLS certificates', default: true },
  {
    name: 'presign',
    kind: 'boolean',
    description: 'Presign not supported; always proxied',
    direction: 'import',
    default: false,
  },
  {
    name: 'presign_ttl',
    kind: 'integer',
    description: 'Unused for Databricks; kept for compatibility',
    direction: 'import',
    default: 1,
    min: 0,
  },
  {
    name: 'recursive_scan',
    kind: 'boolean',
    description: 'Perform recursive scan',
    direction: 'import',
    default: false,
  },
];

export const DATABRICKS_STORAGE: StorageType = {
  type: 'databricks',
  title: 'Databricks Files (UC Volumes)',
  schemaNames: { import: 'DatabricksImportStorage', export: 'DatabricksExportStorage' },
  fields: DATABRICKS_FIELDS,
  connect: (settings, context) =>
    new DatabricksConnection(settings as DatabricksSettings, {
      guard: context.guard,
      requestTimeoutMs: context.requestTimeoutMs,
      azureAuthorityHost: context.azureAuthorityHost,
      extraCa: context.extraCa,
    }),
};
