import { textColumn } from '@ls/data-manager';

/**
 * The data manager's `file_upload` column: the name of the uploaded file a task came from (the
 * stored path without its folders), for filters and orderings. `rtrim` strips the name's
 * characters back to the last `/`, so the same SQL finds the name on both databases.
 */
export const UPLOAD_TASK_COLUMN = textColumn(
  `(SELECT replace(dm_u.file, rtrim(dm_u.file, replace(dm_u.file, '/', '')), '')` +
    ` FROM file_upload dm_u WHERE dm_u.id = task.file_upload_id)`,
);
