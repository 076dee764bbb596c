/** A local files storage's settings, as Label Studio names them (`io_storages/localfiles`). */
export interface LocalFilesSettings {
  /** Absolute directory, strictly inside `LOCAL_FILES_DOCUMENT_ROOT`. */
  path: string | null;
  /** Import only: walk subdirectories too. */
  recursive_scan: boolean;
  /** Applied by the sync to file names, not by the connection. */
  regex_filter: string | null;
  /** Import only: one task per file pointing at `/data/local-files/?d=...`. */
  use_blob_urls: boolean;
}

/** The settings of a stored storage, defaults applied. */
export function localFilesSettingsOf(raw: Record<string, unknown>): LocalFilesSettings {
  return {
    path: typeof raw.path === 'string' ? raw.path : null,
    recursive_scan: raw.recursive_scan === true,
    regex_filter: typeof raw.regex_filter === 'string' ? raw.regex_filter : null,
    use_blob_urls: raw.use_blob_urls === true,
  };
}
