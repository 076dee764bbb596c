import { GcsConnection } from '../providers/gcs/gcs-connection';
import type { GcsSettings } from '../providers/gcs/gcs-settings';
import { FieldSpec } from '../storages/storage-fields';
import { ConnectionContext, StorageType } from '../storages/storage-type';

export const GCS_FIELDS: readonly FieldSpec[] = [
  { name: 'bucket', kind: 'string', description: 'GCS bucket name' },
  { name: 'prefix', kind: 'string', description: 'GCS bucket prefix' },
  {
    name: 'google_application_credentials',
    kind: 'string',
    description: 'The content of GOOGLE_APPLICATION_CREDENTIALS json file',
    secret: true,
  },
  { name: 'google_project_id', kind: 'string', description: 'Google project ID' },
  {
    name: 'presign',
    kind: 'boolean',
    description: 'Presign URLs for download',
    direction: 'import',
    default: true,
  },
  {
    name: 'presign_ttl',
    kind: 'integer',
    description: 'Presigned URLs TTL (in minutes)',
    direction: 'import',
    default: 1,
    min: 1,
  },
  {
    name: 'recursive_scan',
    kind: 'boolean',
    description: 'Perform recursive scan over the bucket content',
    direction: 'import',
    default: false,
  },
];

export const gcsConnectionOptions = (context: ConnectionContext) => ({
  guard: context.guard,
  requestTimeoutMs: context.requestTimeoutMs,
  apiEndpoint: context.gcsApiEndpoint,
  extraCa: context.extraCa,
});

export const GCS_STORAGE: StorageType = {
  type: 'gcs',
  title: 'Google Cloud Storage',
  schemaNames: { import: 'GCSImportStorage', export: 'GCSExportStorage' },
  fields: GCS_FIELDS,
  connect: (settings, context) =>
    new GcsConnection(settings as unknown as GcsSettings, gcsConnectionOptions(context)),
};
