import type { StorageConnection } from '../providers/storage-provider';
import type { StorageDirection } from './cloud-storage.entity';
import type { FieldSpec } from './storage-fields';
import { AddressGuard } from '@ls/core';

/** What a provider's adapter gets besides the storage's own settings. */
export interface ConnectionContext {
  direction: StorageDirection;
  /** Refuses reserved addresses (null with `SSRF_PROTECTION=false`). */
  guard: AddressGuard | null;
  requestTimeoutMs: number;
  stsEndpoint: string;
  /** `AZURE_BLOB_ENDPOINT`: Azure Blob account URL template (`{account}`); '' for Azure's own. */
  azureBlobEndpoint: string;
  /** `GCS_API_ENDPOINT`: the GCS JSON API's root (emulators); '' for Google's own. */
  gcsApiEndpoint: string;
  /** Workload identity federation of the `gcswif` storages (`GCS_WIF_*`, `GCS_*_ENDPOINT`). */
  gcsWif: GcsWifContext;
  /** `AZURE_AUTHORITY_HOST`: Entra ID's authority host; '' for Azure's public cloud. */
  azureAuthorityHost: string;
  /** PEM text of `STORAGE_CA_FILE`: certificate authorities trusted besides the system's. */
  extraCa: string | null;
  localFilesDocumentRoot: string;
  localFilesServingEnabled: boolean;
}

export interface GcsWifContext {
  /** `GCS_WIF_SUBJECT_TOKEN_FILE`: this server's external credential; '' when not set. */
  subjectTokenFile: string;
  subjectTokenType: string;
  /** `GCS_STS_ENDPOINT`; '' for Google's. */
  stsEndpoint: string;
  /** `GCS_IAM_CREDENTIALS_ENDPOINT`; '' for Google's. */
  iamCredentialsEndpoint: string;
}

/**
 * One storage type (`s3`, `redis`, ...): its settings and how to connect. Adding a provider is
 * an adapter implementing `StorageConnection` and one of these.
 */
export interface StorageType {
  /** As the routes name it: `/api/storages/<type>/`. */
  type: string;
  title: string;
  /** The contract's names of its storages' schemas (`S3ImportStorage`, `S3ExportStorage`). */
  schemaNames: Record<StorageDirection, string>;
  /** Its own settings, besides the common ones (`title`, `regex_filter`, ...). */
  fields: readonly FieldSpec[];
  /** Problems with the settings themselves, before connecting (Label Studio's messages). */
  check?(settings: Record<string, unknown>, context: ConnectionContext): string | null;
  connect(settings: Record<string, unknown>, context: ConnectionContext): StorageConnection;
  /** Every object's value is JSON tasks whatever its key (Redis). */
  valuesAreTasks?: boolean;
  /** What `regex_filter` matches of a key (local files: the file name); default the key. */
  filterTarget?(key: string): string;
  /** Whether the type is offered (local files: `ENABLE_LOCAL_FILES_STORAGE`). */
  enabled?(config: { ENABLE_LOCAL_FILES_STORAGE: boolean }): boolean;
}
