import type { AddressGuard } from '@ls/core';

/**
 * The settings of a `gcs` storage under Label Studio's names (`io_storages/gcs/models.py`). Empty
 * strings and nulls both mean "not set".
 */
export interface GcsSettings {
  bucket: string;
  prefix?: string | null;
  /** Applied by the sync, not by the connection. */
  regex_filter?: string | null;
  /** The service account key file (JSON text); none: the server's own Google credentials (ADC). */
  google_application_credentials?: string | null;
  google_project_id?: string | null;
  presign?: boolean;
  /** Minutes a signed URL stays valid. */
  presign_ttl?: number;
  recursive_scan?: boolean;
}

/** What a GCS connection needs besides the storage's settings. */
export interface GcsConnectionOptions {
  /** Refuses reserved addresses (`SSRF_PROTECTION`); null connects anywhere. */
  guard: AddressGuard | null;
  requestTimeoutMs: number;
  /** The JSON API's root (`GCS_API_ENDPOINT`, for emulators); '' for Google's own. */
  apiEndpoint: string;
  /** Objects per listing page; GCS's own default (and maximum) is 1000. */
  pageSize?: number;
  /** PEM of certificate authorities trusted besides the system's (`STORAGE_CA_FILE`). */
  extraCa?: string | null;
}
