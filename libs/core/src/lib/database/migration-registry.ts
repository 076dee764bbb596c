import { MigrationInterface } from 'typeorm';
import { DatabaseDialect } from './dialect';

export type MigrationClass = new () => MigrationInterface;

/** A library's migrations, one list per dialect, each in timestamp order. */
export type DialectMigrations = Record<DatabaseDialect, MigrationClass[]>;

const registered = new Map<string, DialectMigrations>();

/**
 * Each library registers its migrations when its module file loads, the way its entities are
 * registered by `TypeOrmModule.forFeature`: a process runs the migrations of the libraries it imports.
 */
export function registerMigrations(library: string, migrations: DialectMigrations): void {
  registered.set(library, migrations);
}

export function registeredMigrations(dialect: DatabaseDialect): MigrationClass[] {
  return [...registered.values()].flatMap((migrations) => migrations[dialect]);
}
