import { DatabaseDialect } from '@ls/core';

/**
 * SQL expressions the export reads its columns with, so that rows come back as the text they are
 * written as: timestamps already in Label Studio's export form, JSON columns as JSON text (spliced
 * into the output without being parsed and written again).
 */
export interface ExportSql {
  /** `2024-05-01T10:05:00.000000Z`, or NULL. */
  timestamp(column: string): string;
  /** The column's JSON as text, or NULL. */
  json(column: string): string;
  /** How many elements the JSON array in the column holds (0 for NULL). */
  arrayLength(column: string): string;
}

const POSTGRES: ExportSql = {
  timestamp: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  json: (column) => `CAST(${column} AS text)`,
  arrayLength: (column) =>
    `COALESCE(CASE WHEN jsonb_typeof(${column}) = 'array' THEN jsonb_array_length(${column}) END, 0)`,
};

const SQLITE: ExportSql = {
  // Stored as `YYYY-MM-DD HH:MM:SS.SSS` in UTC.
  timestamp: (column) => `strftime('%Y-%m-%dT%H:%M:%f', ${column}) || '000Z'`,
  json: (column) => column,
  arrayLength: (column) =>
    `COALESCE(CASE WHEN json_type(${column}) = 'array' THEN json_array_length(${column}) END, 0)`,
};

export const exportSqlOf = (dialect: DatabaseDialect): ExportSql =>
  dialect === 'postgres' ? POSTGRES : SQLITE;
