import { DatabaseDialect } from '@ls/core';

/** Column expressions of the export's SQL that differ between the databases. */
export interface ExportSql {
  /** `2024-05-01T10:05:00.000000Z` (Label Studio's export form of a timestamp), or NULL. */
  timestamp(column: string): string;
  /** How many elements the JSON array in the column holds (0 for NULL). */
  arrayLength(column: string): string;
}

const POSTGRES: ExportSql = {
  timestamp: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  arrayLength: (column) =>
    `COALESCE(CASE WHEN jsonb_typeof(${column}) = 'array' THEN jsonb_array_length(${column}) END, 0)`,
};

const SQLITE: ExportSql = {
  // Stored as `YYYY-MM-DD HH:MM:SS.SSS` in UTC.
  timestamp: (column) => `strftime('%Y-%m-%dT%H:%M:%f', ${column}) || '000Z'`,
  arrayLength: (column) =>
    `COALESCE(CASE WHEN json_type(${column}) = 'array' THEN json_array_length(${column}) END, 0)`,
};

export const exportSqlOf = (dialect: DatabaseDialect): ExportSql =>
  dialect === 'postgres' ? POSTGRES : SQLITE;
