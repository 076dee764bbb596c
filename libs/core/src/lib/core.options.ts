import { AppConfig } from './config/app-config';

export type ProcessRole = 'api' | 'worker' | 'cli';

export interface CoreModuleOptions {
  role: ProcessRole;
  config: AppConfig;
  /** Forces job handlers on or off in this process; by default see {@link runsJobs}. */
  runJobs?: boolean;
  /** Apply pending migrations at start; by default the API does when MIGRATE_ON_START is on. */
  runMigrations?: boolean;
  /** Create the schema from the entities instead of migrations: tests only. */
  synchronizeSchema?: boolean;
}

export const CORE_MODULE_OPTIONS = Symbol('CORE_MODULE_OPTIONS');

/**
 * Workers always run job handlers; the API runs them itself only in embedded mode (no Redis),
 * so a single process is a complete server.
 */
export function runsJobs(options: CoreModuleOptions, config: AppConfig): boolean {
  if (options.runJobs !== undefined) return options.runJobs;
  if (options.role === 'worker') return true;
  return options.role === 'api' && !config.REDIS_URL;
}
