import { connectAzureSpi } from '../providers/azure/azure-spi-connect';
import type { AzureSpiSettings } from '../providers/azure/azure-settings';
import { FieldSpec } from '../storages/storage-fields';
import { StorageType } from '../storages/storage-type';
import {
  AZURE_IMPORT_FIELDS,
  AZURE_LOCATION_FIELDS,
  azureConnectionOptions,
} from './azure.storage-type';

/**
 * `azure` with a Microsoft Entra ID service principal instead of the account key. The
 * contract's `user_delegation_key` ("User Delegation Key (Backend)") is the key the server gets
 * from Azure to sign SAS URLs with: it is kept in memory by the connection, never taken from a
 * request nor shown, since it signs for the whole account.
 */
const AZURE_SPI_FIELDS: readonly FieldSpec[] = [
  ...AZURE_LOCATION_FIELDS,
  { name: 'tenant_id', kind: 'string', description: 'Azure Tenant ID' },
  { name: 'client_id', kind: 'string', description: 'Azure Blob Service Principal Client ID' },
  {
    name: 'client_secret',
    kind: 'string',
    description: 'Azure Blob Service Principal Client Secret',
    secret: true,
  },
  ...AZURE_IMPORT_FIELDS,
];

export const AZURE_SPI_STORAGE: StorageType = {
  type: 'azure_spi',
  title: 'Azure Blob Storage with Service Principal',
  schemaNames: {
    import: 'AzureServicePrincipalImportStorage',
    export: 'AzureServicePrincipalExportStorage',
  },
  fields: AZURE_SPI_FIELDS,
  connect: (settings, context) =>
    connectAzureSpi(settings as unknown as AzureSpiSettings, {
      ...azureConnectionOptions(context),
      authorityHost: context.azureAuthorityHost,
    }),
};
