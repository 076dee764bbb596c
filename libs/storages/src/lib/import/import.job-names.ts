/** The queue of import jobs and its one job. */
export const IMPORT_QUEUE = 'imports';
export const IMPORT_JOB = 'imports.run';
