import { connectS3, connectS3WithRole } from '../providers/s3/s3-connect';
import type { S3RoleSettings, S3Settings } from '../providers/s3/s3-settings';
import { FieldSpec } from '../storages/storage-fields';
import { ConnectionContext, StorageType } from '../storages/storage-type';

const S3_FIELDS: readonly FieldSpec[] = [
  { name: 'bucket', kind: 'string', description: 'S3 bucket name' },
  { name: 'prefix', kind: 'string', description: 'S3 bucket prefix' },
  { name: 'region_name', kind: 'string', description: 'AWS Region' },
  { name: 's3_endpoint', kind: 'string', description: 'S3 Endpoint' },
  { name: 'aws_access_key_id', kind: 'string', description: 'AWS_ACCESS_KEY_ID', secret: true },
  {
    name: 'aws_secret_access_key',
    kind: 'string',
    description: 'AWS_SECRET_ACCESS_KEY',
    secret: true,
  },
  { name: 'aws_session_token', kind: 'string', description: 'AWS_SESSION_TOKEN', secret: true },
  { name: 'aws_sse_kms_key_id', kind: 'string', description: 'AWS SSE KMS Key ID' },
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
    description: 'Presign TTL in minutes',
    direction: 'import',
    default: 1,
    min: 1,
  },
  {
    name: 'recursive_scan',
    kind: 'boolean',
    description: 'Scan recursively',
    direction: 'import',
    default: false,
  },
];

const connectionOptions = (context: ConnectionContext) => ({
  guard: context.guard,
  requestTimeoutMs: context.requestTimeoutMs,
  stsEndpoint: context.stsEndpoint,
  extraCa: context.extraCa,
});

export const S3_STORAGE: StorageType = {
  type: 's3',
  title: 'AWS S3',
  schemaNames: { import: 'S3ImportStorage', export: 'S3ExportStorage' },
  fields: S3_FIELDS,
  connect: (settings, context) =>
    connectS3(settings as unknown as S3Settings, connectionOptions(context)),
};

export const S3_ROLE_STORAGE: StorageType = {
  type: 's3s',
  title: 'AWS S3 (with IAM role)',
  schemaNames: { import: 'LseS3ImportStorage', export: 'LseS3ExportStorage' },
  fields: [
    ...S3_FIELDS,
    { name: 'role_arn', kind: 'string', description: 'AWS RoleArn', required: true },
    { name: 'external_id', kind: 'string', description: 'AWS ExternalId' },
    { name: 'legacy_auth', kind: 'boolean', description: 'Use legacy authentication' },
  ],
  connect: (settings, context) =>
    connectS3WithRole(settings as unknown as S3RoleSettings, connectionOptions(context)),
};
