/** A Redis storage's settings, as Label Studio names them (`io_storages/redis/models.py`). */
export interface RedisSettings {
  /** Key prefix: the storage lists the keys starting with it. */
  path: string | null;
  host: string | null;
  /** A string in Label Studio's contract (a text column); empty means 6379. */
  port: string | null;
  password: string | null;
  /** Database index; Label Studio refuses to connect without one (0 included). */
  db: number | null;
}

export const REDIS_DEFAULT_DB = { import: 1, export: 2 } as const;
export const REDIS_DEFAULT_HOST = 'localhost';
export const REDIS_DEFAULT_PORT = 6379;

/** The settings of a stored storage (its opened secrets merged in), defaults applied. */
export function redisSettingsOf(
  raw: Record<string, unknown>,
  direction: 'import' | 'export',
): RedisSettings {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  const db = raw.db ?? REDIS_DEFAULT_DB[direction];
  return {
    path: text(raw.path),
    host: text(raw.host),
    port: text(raw.port),
    password: text(raw.password),
    db: Number(db),
  };
}
