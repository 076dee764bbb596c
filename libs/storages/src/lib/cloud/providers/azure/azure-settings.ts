/**
 * The settings of an `azure` storage under Label Studio's names (`io_storages/azure_blob/models.py`).
 * Empty strings and nulls both mean "not set".
 */
export interface AzureSettings {
  container?: string | null;
  prefix?: string | null;
  /** Applied by the sync, not by the connection. */
  regex_filter?: string | null;
  account_name?: string | null;
  /** Shared key of the account (base64), sealed at rest. */
  account_key?: string | null;
  presign?: boolean;
  /** Minutes a SAS URL stays valid. */
  presign_ttl?: number;
  recursive_scan?: boolean;
}

/** Where the account is reached: `{account}` stands for `account_name` (Azure's own by default). */
export const AZURE_BLOB_DEFAULT_ENDPOINT = 'https://{account}.blob.core.windows.net';

/**
 * The settings of an `azure_spi` storage (Label Studio Enterprise): the account reached as a
 * Microsoft Entra ID service principal (an application's client secret) rather than by its key.
 */
export interface AzureSpiSettings extends Omit<AzureSettings, 'account_key'> {
  /** Directory (tenant) of the application. */
  tenant_id?: string | null;
  /** Application (client) id. */
  client_id?: string | null;
  /** The application's client secret, sealed at rest. */
  client_secret?: string | null;
}
