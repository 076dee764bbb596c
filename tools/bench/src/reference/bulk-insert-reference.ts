import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { taskText } from '../import/import-payloads';

/**
 * The tables the reference writes: a bare one (id and data) and one shaped like `task` (its
 * columns, unique numbering index, second index and foreign key to a project row).
 */
const TABLES = {
  bare: 'CREATE TABLE bench_bare (id serial PRIMARY KEY, data jsonb NOT NULL)',
  task_shaped: `CREATE TABLE bench_task (
      id serial PRIMARY KEY, project_id integer NOT NULL REFERENCES bench_project (id),
      inner_id integer NOT NULL, data jsonb NOT NULL, meta jsonb NOT NULL DEFAULT '{}',
      is_labeled boolean NOT NULL DEFAULT false, overlap integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
    CREATE UNIQUE INDEX ON bench_task (project_id, inner_id);
    CREATE INDEX ON bench_task (project_id, is_labeled)`,
};

const copyText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

function* copyRows(tasks: number, taskShaped: boolean): Generator<string> {
  for (let n = 0; n < tasks; n += 1) {
    const data = copyText(JSON.stringify({ text: taskText(n) }));
    yield taskShaped ? `1\t${n + 1}\t${data}\n` : `${data}\n`;
  }
}

async function copySeconds(client: Client, tasks: number, taskShaped: boolean): Promise<number> {
  const started = process.hrtime.bigint();
  await client.query('BEGIN');
  const target = taskShaped ? 'bench_task (project_id, inner_id, data)' : 'bench_bare (data)';
  await pipeline(
    Readable.from(copyRows(tasks, taskShaped)),
    client.query(copyFrom(`COPY ${target} FROM STDIN`)),
  );
  await client.query('COMMIT');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A bare COPY of the benchmark's rows (PostgreSQL), the floor of an import's writes. */
export async function postgresCopyReference(url: string, tasks: number) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_task, bench_bare, bench_project');
    await client.query('CREATE TABLE bench_project (id integer PRIMARY KEY)');
    await client.query('INSERT INTO bench_project VALUES (1)');
    for (const sql of Object.values(TABLES)) await client.query(sql);
    return {
      bare_copy_s: Number((await copySeconds(client, tasks, false)).toFixed(2)),
      task_shaped_copy_s: Number((await copySeconds(client, tasks, true)).toFixed(2)),
    };
  } finally {
    await client.end();
  }
}

/** A bare batch insert of the benchmark's rows in one transaction (SQLite, the API's pragmas). */
export function sqliteInsertReference(dataDir: string, tasks: number) {
  const db = new Database(join(dataDir, 'bench-bulk-reference.sqlite3'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`DROP TABLE IF EXISTS bench_task;
      CREATE TABLE bench_task (
      id INTEGER PRIMARY KEY AUTOINCREMENT, project_id INTEGER NOT NULL, inner_id INTEGER NOT NULL,
      data TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE UNIQUE INDEX bench_task_numbering ON bench_task (project_id, inner_id)`);
    const insert = db.prepare(
      'INSERT INTO bench_task (project_id, inner_id, data) VALUES (1, ?, ?)',
    );
    const started = process.hrtime.bigint();
    db.transaction(() => {
      for (let n = 0; n < tasks; n += 1) insert.run(n + 1, JSON.stringify({ text: taskText(n) }));
    })();
    return { batch_insert_s: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)) };
  } finally {
    db.close();
  }
}
