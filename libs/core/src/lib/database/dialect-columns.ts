import {
  Column,
  ColumnOptions,
  ColumnType,
  CreateDateColumn,
  getMetadataArgsStorage,
  UpdateDateColumn,
} from 'typeorm';
import { DatabaseDialect } from './dialect';

type DialectTypes = Record<DatabaseDialect, ColumnType>;

const JSON_TYPES: DialectTypes = { postgres: 'jsonb', sqlite: 'simple-json' };
const TIMESTAMP_TYPES: DialectTypes = { postgres: 'timestamptz', sqlite: 'datetime' };

const dialectColumns: { target: Function; propertyName: string; types: DialectTypes }[] = [];

function remember(target: object, propertyName: string | symbol, types: DialectTypes): void {
  dialectColumns.push({ target: target.constructor, propertyName: String(propertyName), types });
}

/**
 * A JSON value column: `jsonb` on PostgreSQL (indexable, queryable with `->>`), JSON text on
 * SQLite (queryable with `json_extract`). Entities never pick the type themselves.
 */
export function JsonColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: JSON_TYPES.sqlite })(target, propertyName);
    remember(target, propertyName, JSON_TYPES);
  };
}

/** A point in time: `timestamptz` on PostgreSQL, ISO text on SQLite; always read back as a UTC Date. */
export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: TIMESTAMP_TYPES.sqlite })(target, propertyName);
    remember(target, propertyName, TIMESTAMP_TYPES);
  };
}

/** Set once when the row is inserted. */
export function CreatedAtColumn(): PropertyDecorator {
  return (target, propertyName) => {
    CreateDateColumn({ type: TIMESTAMP_TYPES.sqlite })(target, propertyName);
    remember(target, propertyName, TIMESTAMP_TYPES);
  };
}

/** Set on every update of the row. */
export function UpdatedAtColumn(): PropertyDecorator {
  return (target, propertyName) => {
    UpdateDateColumn({ type: TIMESTAMP_TYPES.sqlite })(target, propertyName);
    remember(target, propertyName, TIMESTAMP_TYPES);
  };
}

/**
 * Column types are fixed when decorators run, before the dialect is known, so the data source
 * factory calls this once per process with the dialect it connects to.
 */
export function applyColumnDialect(dialect: DatabaseDialect): void {
  for (const column of getMetadataArgsStorage().columns) {
    const declared = dialectColumns.find(
      (entry) => entry.target === column.target && entry.propertyName === column.propertyName,
    );
    if (declared) column.options.type = declared.types[dialect];
  }
}
