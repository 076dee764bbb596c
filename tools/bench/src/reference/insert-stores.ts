import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';

/** Where the bare server writes: one table, one INSERT per annotation. */
export interface InsertStore {
  insert(taskId: number, resultJson: string): Promise<number>;
  close(): Promise<void>;
}

async function openPostgresStore(url: string): Promise<InsertStore> {
  // The API's default DATABASE_POOL_SIZE.
  const pool = new Pool({ connectionString: url, max: 10 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_annotation (
       id serial PRIMARY KEY, task_id integer NOT NULL, result jsonb NOT NULL,
       created_at timestamptz NOT NULL)`,
  );
  return {
    insert: async (taskId, resultJson) => {
      const inserted = await pool.query<{ id: number }>(
        'INSERT INTO bench_annotation (task_id, result, created_at) VALUES ($1, $2, $3) RETURNING id',
        [taskId, resultJson, new Date()],
      );
      return inserted.rows[0].id;
    },
    close: () => pool.end(),
  };
}

function openSqliteStore(file: string): InsertStore {
  const db = new Database(file);
  // The pragmas the API sets on its own SQLite connection.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS bench_annotation (
       id INTEGER PRIMARY KEY AUTOINCREMENT, task_id INTEGER NOT NULL, result TEXT NOT NULL,
       created_at TEXT NOT NULL)`,
  );
  const statement = db.prepare(
    'INSERT INTO bench_annotation (task_id, result, created_at) VALUES (?, ?, ?)',
  );
  return {
    insert: async (taskId, resultJson) =>
      Number(statement.run(taskId, resultJson, new Date().toISOString()).lastInsertRowid),
    close: async () => {
      db.close();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, else a SQLite file in DATA_DIR. */
export async function openInsertStore(env: NodeJS.ProcessEnv): Promise<InsertStore> {
  if (env.DATABASE_URL) return openPostgresStore(env.DATABASE_URL);
  if (!env.DATA_DIR) throw new Error('DATA_DIR or DATABASE_URL must be set');
  return openSqliteStore(join(env.DATA_DIR, 'bench-reference.sqlite3'));
}
