import { DatabaseDialect } from '@ls/core';

/** A value written into SQL text, for statements sent as one string (no bound parameters). */
export type SqlValue = null | number | boolean | string | Date | { json: unknown };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** SQLite stores timestamps as TypeORM writes them: UTC `YYYY-MM-DD HH:MM:SS.SSS`. */
function sqliteTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    pad(date.getUTCMilliseconds(), 3)
  );
}

/**
 * Both databases read string literals with only `'` special (PostgreSQL's
 * standard_conforming_strings, on by default since 9.1), so doubling it is the whole escaping.
 */
function quoted(text: string): string {
  if (text.includes('\0')) throw new Error('NUL characters cannot be stored');
  return `'${text.replace(/'/g, "''")}'`;
}

export function sqlLiteral(value: SqlValue, dialect: DatabaseDialect): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') {
    if (dialect === 'postgres') return value ? 'TRUE' : 'FALSE';
    return value ? '1' : '0';
  }
  if (value instanceof Date) {
    return dialect === 'postgres'
      ? `${quoted(value.toISOString())}::timestamptz`
      : quoted(sqliteTimestamp(value));
  }
  if (typeof value === 'string') return quoted(value);
  const json = quoted(JSON.stringify(value.json));
  return dialect === 'postgres' ? `${json}::jsonb` : json;
}
