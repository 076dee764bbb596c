import { AppConfig, MULTIPART_FIELD_LIMIT } from '@ls/core';

/**
 * The largest request an import route reads: its files (`IMPORT_MAX_FILE_SIZE` in all) plus room
 * for the form around them. A JSON body of tasks gets the same room.
 */
export const importBodyLimit = (config: AppConfig) =>
  config.IMPORT_MAX_FILE_SIZE + MULTIPART_FIELD_LIMIT;
