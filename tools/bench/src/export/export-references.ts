import Database from 'better-sqlite3';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sqliteFile } from '../task-list/seed-tasks';

/** The project's tasks with their annotations as one JSON text per task (what both readers share). */
const POSTGRES_ROWS = `SELECT row_to_json(t)::text FROM (
  SELECT task.*, (SELECT json_agg(annotation) FROM annotation WHERE annotation.task_id = task.id)
    AS annotations
  FROM task WHERE project_id = $1 ORDER BY id) t`;

/**
 * `COPY (SELECT ...) TO STDOUT` of the same rows: how fast PostgreSQL alone hands them over,
 * in seconds to the last byte.
 */
export async function copyReferenceSeconds(url: string, projectId: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const query = POSTGRES_ROWS.replace('$1', String(Math.trunc(projectId)));
    const started = process.hrtime.bigint();
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
    for await (const chunk of stream) void chunk;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await client.end();
  }
}

/** The same tasks and annotations as objects in memory (loaded untimed). */
export async function loadTasks(
  env: Record<string, string>,
  projectId: number,
): Promise<unknown[]> {
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(POSTGRES_ROWS.replace('::text', ''), [projectId]);
      return rows.map((row) => row.row_to_json);
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqliteFile(env.DATA_DIR), { readonly: true });
  try {
    const tasks = db.prepare('SELECT * FROM task WHERE project_id = ? ORDER BY id').all(projectId);
    const annotations = db
      .prepare('SELECT * FROM annotation WHERE project_id = ? ORDER BY id')
      .all(projectId) as { task_id: number; result: string }[];
    const byTask = new Map<number, unknown[]>();
    for (const annotation of annotations) {
      const parsed = { ...annotation, result: JSON.parse(annotation.result) };
      byTask.set(annotation.task_id, [...(byTask.get(annotation.task_id) ?? []), parsed]);
    }
    return (tasks as { id: number; data: string }[]).map((task) => ({
      ...task,
      data: JSON.parse(task.data),
      annotations: byTask.get(task.id) ?? [],
    }));
  } finally {
    db.close();
  }
}

/**
 * `JSON.stringify` of those objects, one task at a time (a million tasks make more text than one
 * JavaScript string can hold): the serialization alone, in seconds.
 */
export function stringifyReferenceSeconds(tasks: unknown[]): { seconds: number; bytes: number } {
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (const task of tasks) bytes += JSON.stringify(task).length + 2;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes };
}
