import { connectAzure } from '../providers/azure/azure-connect';
import type { AzureSettings } from '../providers/azure/azure-settings';
import { FieldSpec } from '../storages/storage-fields';
import { ConnectionContext, StorageType } from '../storages/storage-type';

/** Where the blobs are: the same for every way of signing in to Azure (`azure`, `azure_spi`). */
export const AZURE_LOCATION_FIELDS: readonly FieldSpec[] = [
  { name: 'container', kind: 'string', description: 'Azure blob container' },
  { name: 'prefix', kind: 'string', description: 'Azure blob prefix name' },
  { name: 'account_name', kind: 'string', description: 'Azure Blob account name' },
];

/** How an import storage's blobs are listed and served, for every way of signing in. */
export const AZURE_IMPORT_FIELDS: readonly FieldSpec[] = [
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

const AZURE_FIELDS: readonly FieldSpec[] = [
  ...AZURE_LOCATION_FIELDS,
  { name: 'account_key', kind: 'string', description: 'Azure Blob account key', secret: true },
  ...AZURE_IMPORT_FIELDS,
];

export const azureConnectionOptions = (context: ConnectionContext) => ({
  guard: context.guard,
  requestTimeoutMs: context.requestTimeoutMs,
  endpoint: context.azureBlobEndpoint,
  extraCa: context.extraCa,
});

export const AZURE_STORAGE: StorageType = {
  type: 'azure',
  title: 'Microsoft Azure',
  schemaNames: { import: 'AzureBlobImportStorage', export: 'AzureBlobExportStorage' },
  fields: AZURE_FIELDS,
  connect: (settings, context) =>
    connectAzure(settings as unknown as AzureSettings, azureConnectionOptions(context)),
};
