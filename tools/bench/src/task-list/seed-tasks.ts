import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

/** Distinct `data.city` values: an equal filter keeps about one task in this many. */
export const CITY_COUNT = 50;
const BATCH = 100_000;

export const cityName = (n: number) => `City ${n % CITY_COUNT}`;

/** The SQLite file of a DATA_DIR, as the API names it. */
export const sqliteFile = (dataDir: string) => join(dataDir, 'label_studio.sqlite3');

/**
 * Writes `tasks` tasks into a project of the API's database with server-side batched inserts
 * (no rows travel through the bench), then refreshes the planner's statistics and, on
 * PostgreSQL, the visibility map that index-only scans need, as autovacuum would in time.
 */
export async function seedTasks(
  env: Record<string, string>,
  projectId: number,
  tasks: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  if (env.DATABASE_URL) await seedPostgres(env.DATABASE_URL, projectId, tasks);
  else seedSqlite(sqliteFile(env.DATA_DIR), projectId, tasks);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function seedPostgres(url: string, projectId: number, tasks: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (let first = 1; first <= tasks; first += BATCH) {
      await client.query(
        `INSERT INTO task (project_id, inner_id, data)
         SELECT $1, n, jsonb_build_object('text', 'Task ' || n || ' says something short about its city',
           'city', 'City ' || (n % $4), 'score', ((n % 1000) * 7919) % 1000)
         FROM generate_series($2::int, $3::int) AS n`,
        [projectId, first, Math.min(tasks, first + BATCH - 1), CITY_COUNT],
      );
    }
    await client.query('VACUUM ANALYZE task');
  } finally {
    await client.end();
  }
}

function seedSqlite(file: string, projectId: number, tasks: number): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    const insert = db.prepare(
      `WITH RECURSIVE g(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM g WHERE n < ?)
       INSERT INTO task (project_id, inner_id, data)
       SELECT ?, n, json_object('text', 'Task ' || n || ' says something short about its city',
         'city', 'City ' || (n % ?), 'score', ((n % 1000) * 7919) % 1000)
       FROM g`,
    );
    for (let first = 1; first <= tasks; first += BATCH) {
      db.transaction(() =>
        insert.run(first, Math.min(tasks, first + BATCH - 1), projectId, CITY_COUNT),
      )();
    }
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}
