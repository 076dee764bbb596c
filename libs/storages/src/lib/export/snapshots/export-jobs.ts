/** The queue of export jobs: writing a snapshot and converting one. */
export const EXPORT_QUEUE = 'exports';
export const EXPORT_SNAPSHOT_JOB = 'exports.snapshot';
export const EXPORT_CONVERT_JOB = 'exports.convert';

/** Tries of an export job: a worker killed in the middle leaves it to the next try. */
export const EXPORT_JOB_ATTEMPTS = 3;

export const snapshotJobId = (exportId: number) => `export-${exportId}`;
export const conversionJobId = (convertedId: number) => `export-convert-${convertedId}`;
