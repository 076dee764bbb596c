import { checkGcsSettings, GcsConnection } from '../providers/gcs/gcs-connection';
import { workloadIdentityAuth } from '../providers/gcs/gcs-wif-auth';
import { GcsWifSettings, wifTargetOf } from '../providers/gcs/gcs-wif-settings';
import { StorageConnectionError } from '../providers/storage-provider';
import { StorageType } from '../storages/storage-type';
import { GCS_FIELDS, gcsConnectionOptions } from './gcs.storage-type';

/**
 * Google Cloud Storage reached with this server's own workload identity (`GCS_WIF_*`), no key
 * stored: the storage names the pool, its provider and the service account to impersonate.
 */
export const GCS_WIF_STORAGE: StorageType = {
  type: 'gcswif',
  title: 'Google Cloud Storage (WIF Auth)',
  schemaNames: { import: 'GCSWIFImportStorage', export: 'GCSWIFExportStorage' },
  fields: [
    ...GCS_FIELDS,
    { name: 'google_project_number', kind: 'string', description: 'Google project number' },
    {
      name: 'google_service_account_email',
      kind: 'string',
      description: 'Google service account email',
    },
    { name: 'google_wif_pool_id', kind: 'string', description: 'Google WIF pool ID' },
    { name: 'google_wif_provider_id', kind: 'string', description: 'Google WIF provider ID' },
  ],
  check: (settings) => {
    try {
      const wifSettings = settings as unknown as GcsWifSettings;
      checkGcsSettings(wifSettings);
      wifTargetOf(wifSettings);
      return null;
    } catch (error) {
      if (error instanceof StorageConnectionError) return error.message;
      throw error;
    }
  },
  connect: (settings, context) => {
    const wifSettings = settings as unknown as GcsWifSettings;
    const target = wifTargetOf(wifSettings);
    return new GcsConnection(
      wifSettings,
      { ...gcsConnectionOptions(context), extraCa: context.extraCa },
      (http) => workloadIdentityAuth(target, context.gcsWif, http),
    );
  },
};
