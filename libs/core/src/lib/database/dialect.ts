import { AppConfig } from '../config/app-config';

export type DatabaseDialect = 'postgres' | 'sqlite';

export function dialectOf(config: Pick<AppConfig, 'DATABASE_URL'>): DatabaseDialect {
  return config.DATABASE_URL ? 'postgres' : 'sqlite';
}
