import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dialectOf } from './dialect';
import { applyColumnDialect } from './dialect-columns';
import { registeredMigrations } from './migration-registry';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const SQLITE_FILE_NAME = 'label_studio.sqlite3';

export interface DataSourceChoices {
  runMigrations: boolean;
  synchronize?: boolean;
}

export function sqliteFilePath(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(resolve(config.DATA_DIR), SQLITE_FILE_NAME);
}

/** The one place that decides how the process talks to its database. */
export function buildDataSourceOptions(
  config: AppConfig,
  choices: DataSourceChoices,
): TypeOrmModuleOptions {
  const dialect = dialectOf(config);
  applyColumnDialect(dialect);
  const common = {
    autoLoadEntities: true,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: registeredMigrations(dialect),
    migrationsRun: choices.runMigrations && !choices.synchronize,
    migrationsTransactionMode: 'each' as const,
    synchronize: choices.synchronize ?? false,
    logging: false,
  };
  if (dialect === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.DATABASE_URL,
      extra: { max: config.DATABASE_POOL_SIZE },
    };
  }
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: sqliteFilePath(config),
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  };
}
