import Database from 'better-sqlite3';
import { Client } from 'pg';
import { sqliteFile } from '../task-list/seed-tasks';

const BATCH = 100_000;

/** One rectangle and one choice: the result every seeded annotation holds. */
export const SEED_RESULT = [
  {
    id: 'r1',
    from_name: 'label',
    to_name: 'image',
    type: 'rectanglelabels',
    original_width: 800,
    original_height: 600,
    value: { x: 10, y: 20, width: 30, height: 40, rotation: 0, rectanglelabels: ['Car'] },
  },
  {
    id: 'r2',
    from_name: 'quality',
    to_name: 'image',
    type: 'choices',
    value: { choices: ['good'] },
  },
];

/**
 * Writes `tasks` labeled tasks of a project, one annotation each by `userId`, with server-side
 * batched inserts (no rows travel through the bench), counters set as the API would.
 */
export async function seedAnnotatedTasks(
  env: Record<string, string>,
  projectId: number,
  userId: number,
  tasks: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  const result = JSON.stringify(SEED_RESULT);
  if (env.DATABASE_URL) await seedPostgres(env.DATABASE_URL, projectId, userId, tasks, result);
  else seedSqlite(sqliteFile(env.DATA_DIR), projectId, userId, tasks, result);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function seedPostgres(
  url: string,
  projectId: number,
  userId: number,
  tasks: number,
  result: string,
): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (let first = 1; first <= tasks; first += BATCH) {
      await client.query(
        `WITH created AS (
           INSERT INTO task (project_id, inner_id, data, total_annotations, is_labeled)
           SELECT $1::int, n, jsonb_build_object('image', '/data/upload/' || $1::int || '/image-' || n || '.jpg'), 1, TRUE
           FROM generate_series($2::int, $3::int) AS n
           RETURNING id)
         INSERT INTO annotation (task_id, project_id, completed_by_id, result, lead_time)
         SELECT id, $1::int, $4, $5::jsonb, 12.5 FROM created`,
        [projectId, first, Math.min(tasks, first + BATCH - 1), userId, result],
      );
    }
    await client.query('VACUUM ANALYZE task');
    await client.query('VACUUM ANALYZE annotation');
  } finally {
    await client.end();
  }
}

function seedSqlite(
  file: string,
  projectId: number,
  userId: number,
  tasks: number,
  result: string,
): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    const insertTasks = db.prepare(
      `WITH RECURSIVE g(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM g WHERE n < ?)
       INSERT INTO task (project_id, inner_id, data, total_annotations, is_labeled)
       SELECT ?, n, json_object('image', '/data/upload/' || ? || '/image-' || n || '.jpg'), 1, 1
       FROM g`,
    );
    const insertAnnotations = db.prepare(
      `INSERT INTO annotation (task_id, project_id, completed_by_id, result, lead_time)
       SELECT id, project_id, ?, ?, 12.5 FROM task WHERE project_id = ? AND inner_id BETWEEN ? AND ?`,
    );
    for (let first = 1; first <= tasks; first += BATCH) {
      const last = Math.min(tasks, first + BATCH - 1);
      db.transaction(() => {
        insertTasks.run(first, last, projectId, projectId);
        insertAnnotations.run(userId, result, projectId, first, last);
      })();
    }
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}
