/** The queue of storage syncs and its jobs. */
export const STORAGE_QUEUE = 'storages';
export const IMPORT_SYNC_JOB = 'storages.import-sync';
export const EXPORT_SYNC_JOB = 'storages.export-sync';
export const EXPORT_ANNOTATIONS_JOB = 'storages.export-annotations';
/** A sync whose process died runs again; its links make the second run skip what the first did. */
export const SYNC_JOB_ATTEMPTS = 3;

/** How often a running sync records that it is alive (`meta.time_last_ping`). */
export const SYNC_PING_MS = 5_000;
/** A sync not heard from for this long is dead: the storage is marked failed when next read. */
export const SYNC_DEAD_AFTER_MS = 5 * SYNC_PING_MS;
