import { connectAzure } from '../providers/azure/azure-connect';
import type { AzureSettings } from '../providers/azure/azure-settings';
import { FieldSpec } from '../storages/storage-fields';
import { ConnectionContext, StorageType } from '../storages/storage-type';

const AZURE_FIELDS: readonly FieldSpec[] = [
  { name: 'container', kind: 'string', description: 'Azure blob container' },
  { name: 'prefix', kind: 'string', description: 'Azure blob prefix name' },
  { name: 'account_name', kind: 'string', description: 'Azure Blob account name' },
  { name: 'account_key', kind: 'string', description: 'Azure Blob account key', secret: true },
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
    description: 'Perform recursive scan over the container content',
    direction: 'import',
    default: false,
  },
];

const connectionOptions = (context: ConnectionContext) => ({
  guard: context.guard,
  requestTimeoutMs: context.requestTimeoutMs,
  endpoint: context.azureBlobEndpoint,
});

export const AZURE_STORAGE: StorageType = {
  type: 'azure',
  title: 'Microsoft Azure',
  schemaNames: { import: 'AzureBlobImportStorage', export: 'AzureBlobExportStorage' },
  fields: AZURE_FIELDS,
  connect: (settings, context) =>
    connectAzure(settings as unknown as AzureSettings, connectionOptions(context)),
};
