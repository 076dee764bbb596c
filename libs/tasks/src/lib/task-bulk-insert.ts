import { NotFoundException } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';
import { dialectOfManager } from '@ls/core';
import { Project } from '@ls/projects';

export interface NewTask {
  data: Record<string, unknown>;
  meta?: Record<string, unknown> | null;
  overlap?: number;
  allow_skip?: boolean | null;
  file_upload_id?: number | null;
  storage_filename?: string | null;
}

type ProjectRef = Pick<Project, 'id'>;

/** What a new task takes from its project unless it says otherwise. */
interface TaskDefaults {
  projectId: number;
  /** The project's `maximum_annotations`, as read under the lock. */
  overlap: number;
}

/** Writes `items` numbered `first…` and returns their ids in the order of `items`. */
type Writer = (items: NewTask[], first: number) => Promise<number[]>;

// Every other column (created_at, updated_at, is_labeled, the counters) takes its column default,
// as TypeORM's insert does: now() on PostgreSQL, datetime('now') on SQLite.
const COLUMNS = `project_id, inner_id, data, meta, overlap, allow_skip, file_upload_id, storage_filename`;

/** Rows per string handed to the COPY stream, so the server parses while the rest is built. */
const COPY_CHUNK_ROWS = 250;

/**
 * Adds a project's tasks in batches within one transaction, numbering them on from the project's
 * highest `inner_id`. A hot path below the query builder (docs/adr/0004): TypeORM's `save` was
 * more than half of a large import. On PostgreSQL each batch is one `COPY … FROM STDIN` on the
 * transaction's own connection, its ids then read back by `inner_id`; on SQLite a once-prepared
 * `INSERT` runs per row on the transaction's connection. Values are stored as TypeORM stores
 * them: JSON as `JSON.stringify` text, timestamps and flags by the column defaults. It writes by
 * project id: the caller has scoped the project to the caller's organization first
 * (`ProjectsService.get`, which goes through `OrganizationScope`).
 */
export class TaskBulkInsert {
  private constructor(
    private readonly write: Writer,
    private next: number,
  ) {}

  /**
   * Locks the project's numbering until the transaction of `manager` ends (PostgreSQL: the
   * project row `FOR UPDATE`; SQLite transactions already run one at a time) and reads the next
   * `inner_id`. The read is a statement of its own after the lock, so under READ COMMITTED it
   * sees the tasks of an import that held the lock before. New tasks take the overlap
   * (`maximum_annotations`) of the locked row, so a settings change that committed meanwhile
   * is not missed; the caller then has the cohort re-drawn (`TaskStates.tasksChanged`). 404 when
   * the project is gone.
   */
  static async start(manager: EntityManager, project: ProjectRef): Promise<TaskBulkInsert> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('TaskBulkInsert runs inside a transaction (TransactionRunner.run)');
    }
    const postgres = dialectOfManager(manager) === 'postgres';
    const [locked] = await manager.query(
      postgres
        ? 'SELECT id, maximum_annotations FROM project WHERE id = $1 FOR UPDATE'
        : 'SELECT id, maximum_annotations FROM project WHERE id = ?',
      [project.id],
    );
    if (!locked) throw new NotFoundException('Not found.');
    const defaults = { projectId: project.id, overlap: Number(locked.maximum_annotations) };
    const [{ max }] = await manager.query(
      `SELECT COALESCE(MAX(inner_id), 0) AS max FROM task WHERE project_id = ${postgres ? '$1' : '?'}`,
      [project.id],
    );
    const connection: unknown = await runner.connect();
    const write = postgres
      ? postgresWriter(manager, connection as PoolClient, defaults)
      : sqliteWriter(connection as Database, defaults);
    return new TaskBulkInsert(write, Number(max) + 1);
  }

  /** Inserts the tasks in order, numbering them on from the previous call; returns their ids in the same order. */
  async add(items: NewTask[]): Promise<number[]> {
    if (items.length === 0) return [];
    // Taken before the first await, so calls that overlap still get ranges of their own.
    const first = this.next;
    this.next += items.length;
    return this.write(items, first);
  }
}

function postgresWriter(
  manager: EntityManager,
  client: PoolClient,
  defaults: TaskDefaults,
): Writer {
  return async (items, first) => {
    const copy = client.query(copyFrom(`COPY task (${COLUMNS}) FROM STDIN`));
    await pipeline(Readable.from(copyChunks(items, first, defaults)), copy);
    const last = first + items.length - 1;
    const rows: { id: number }[] = await manager.query(
      'SELECT id FROM task WHERE project_id = $1 AND inner_id BETWEEN $2 AND $3 ORDER BY inner_id',
      [defaults.projectId, first, last],
    );
    if (rows.length !== items.length) {
      throw new Error(
        `Expected ${items.length} tasks numbered ${first}..${last}, found ${rows.length}`,
      );
    }
    return rows.map((row) => Number(row.id));
  };
}

/** COPY text format: a line per row, tab between columns, `\N` for NULL. */
function* copyChunks(items: NewTask[], first: number, defaults: TaskDefaults): Generator<string> {
  for (let start = 0; start < items.length; start += COPY_CHUNK_ROWS) {
    let chunk = '';
    const end = Math.min(start + COPY_CHUNK_ROWS, items.length);
    for (let index = start; index < end; index++) {
      const item = items[index];
      chunk +=
        `${defaults.projectId}\t${first + index}\t${copyText(JSON.stringify(item.data))}\t` +
        `${copyText(JSON.stringify(item.meta ?? {}))}\t${copyNumber(item.overlap ?? defaults.overlap)}\t` +
        `${(item.allow_skip ?? true) ? 't' : 'f'}\t${copyNumber(item.file_upload_id ?? null)}\t` +
        `${item.storage_filename == null ? '\\N' : copyText(item.storage_filename)}\n`;
    }
    yield chunk;
  }
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIALS = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, (ch) => COPY_ESCAPES[ch]) : value;
}

function copyNumber(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

type InsertParams = [number, number, string, string, number, number, number | null, string | null];

/** Statements of the process's SQLite connection, prepared once each. */
const sqliteInserts = new WeakMap<Database, Statement<InsertParams>>();

function sqliteWriter(database: Database, defaults: TaskDefaults): Writer {
  let insert = sqliteInserts.get(database);
  if (!insert) {
    insert = database.prepare<InsertParams>(
      `INSERT INTO task (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sqliteInserts.set(database, insert);
  }
  const statement = insert;
  // Inside the open transaction better-sqlite3 makes this a savepoint: a batch goes in whole or
  // not at all, as a failed COPY does on PostgreSQL.
  const insertAll = database.transaction((items: NewTask[], first: number) =>
    items.map((item, index) =>
      Number(
        statement.run(
          defaults.projectId,
          first + index,
          JSON.stringify(item.data),
          JSON.stringify(item.meta ?? {}),
          item.overlap ?? defaults.overlap,
          (item.allow_skip ?? true) ? 1 : 0,
          item.file_upload_id ?? null,
          item.storage_filename ?? null,
        ).lastInsertRowid,
      ),
    ),
  );
  return async (items, first) => insertAll(items, first);
}
