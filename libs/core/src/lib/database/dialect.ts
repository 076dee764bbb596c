import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

export type DatabaseDialect = 'postgres' | 'sqlite';

/** The dialect a process will use, from its settings (before any data source exists). */
export function dialectOf(config: Pick<AppConfig, 'DATABASE_URL'>): DatabaseDialect {
  return config.DATABASE_URL ? 'postgres' : 'sqlite';
}

/** The dialect of a data source: the one place that reads TypeORM's driver type. */
export function dialectOfDataSource(dataSource: Pick<DataSource, 'options'>): DatabaseDialect {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/** The dialect of the connection behind `manager` (inside a transaction, its own). */
export function dialectOfManager(manager: Pick<EntityManager, 'connection'>): DatabaseDialect {
  return dialectOfDataSource(manager.connection);
}

/** The `position`th (from 1) bind placeholder of a plain SQL statement: `$n` or `?`. */
export function placeholder(dialect: DatabaseDialect, position: number): string {
  return dialect === 'postgres' ? `$${position}` : '?';
}
