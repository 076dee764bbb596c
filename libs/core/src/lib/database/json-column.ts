import { Column, ColumnOptions, getMetadataArgsStorage } from 'typeorm';
import { DatabaseDialect } from './dialect';

const jsonColumns = new Set<{ target: Function | string; propertyName: string }>();

/**
 * A JSON value column: `jsonb` on PostgreSQL (indexable, queryable with `->>`), JSON text on
 * SQLite (queryable with `json_extract`). Entities never pick the type themselves.
 */
export function JsonColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: 'simple-json' })(target, propertyName);
    jsonColumns.add({ target: target.constructor, propertyName: String(propertyName) });
  };
}

/**
 * Column types are fixed when decorators run, before the dialect is known, so the data source
 * factory calls this once per process with the dialect it connects to.
 */
export function applyJsonColumnDialect(dialect: DatabaseDialect): void {
  const type = dialect === 'postgres' ? 'jsonb' : 'simple-json';
  for (const column of getMetadataArgsStorage().columns) {
    for (const json of jsonColumns) {
      if (column.target === json.target && column.propertyName === json.propertyName) {
        column.options.type = type;
      }
    }
  }
}
