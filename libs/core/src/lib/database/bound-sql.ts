import { DatabaseDialect, placeholder } from './dialect';

/** A value bound to a statement; `{ json }` is stored in a JSON column. */
export type BoundValue = null | number | string | boolean | Date | { json: unknown };

/** A statement and the values of its placeholders, in order. */
export interface BoundStatement {
  sql: string;
  values: unknown[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** SQLite keeps timestamps as TypeORM writes them: UTC `YYYY-MM-DD HH:MM:SS.SSS`. */
export function sqliteTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    pad(date.getUTCMilliseconds(), 3)
  );
}

/**
 * Collects the values of one statement as bind parameters while its text is written: `bind`
 * returns the placeholder (`$n` on PostgreSQL, `?` on SQLite, so call it in text order) and
 * converts the value to what the driver stores as TypeORM would (SQLite: booleans as 1/0,
 * timestamps as UTC text; JSON as text on both). No value ever becomes SQL text.
 */
export class BoundSql {
  readonly values: unknown[] = [];

  constructor(readonly dialect: DatabaseDialect) {}

  bind(value: BoundValue): string {
    this.values.push(this.driverValue(value));
    return placeholder(this.dialect, this.values.length);
  }

  /** Placeholders of `values`, comma-separated (for `IN (...)`). */
  list(values: readonly BoundValue[]): string {
    return values.map((value) => this.bind(value)).join(', ');
  }

  statement(sql: string): BoundStatement {
    return { sql, values: this.values };
  }

  private driverValue(value: BoundValue): unknown {
    if (value === null || typeof value === 'number' || typeof value === 'string') return value;
    if (typeof value === 'boolean') return this.dialect === 'postgres' ? value : value ? 1 : 0;
    if (value instanceof Date) {
      return this.dialect === 'postgres' ? value.toISOString() : sqliteTimestamp(value);
    }
    return JSON.stringify(value.json);
  }
}
