import Database, { Statement as SqliteStatement } from 'better-sqlite3';
import { Client } from 'pg';
import { RequestSql, Statement } from './captured-sql';
import { sqliteFile } from './seed-tasks';

/** Runs captured statements without HTTP, Nest or TypeORM: plain `pg` or better-sqlite3. */
export interface BareSql {
  /** The statements one after another. */
  serial(statements: Statement[]): Promise<void>;
  /** What the API does for a list: page and count at once, then the rest. */
  request(sql: RequestSql): Promise<void>;
  /** PostgreSQL only: the plan's scan lines of `statement`. */
  plan(statement: Statement): Promise<string[]>;
  close(): Promise<void>;
}

export async function openBareSql(env: Record<string, string>): Promise<BareSql> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openSqlite(sqliteFile(env.DATA_DIR));
}

async function openPostgres(url: string): Promise<BareSql> {
  // Two connections, as the API's pool runs a list's page and count side by side.
  const clients = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all(clients.map((client) => client.connect()));
  const run = (client: Client, statements: Statement[]) =>
    statements.reduce<Promise<unknown>>(
      (previous, s) => previous.then(() => client.query(s.sql, s.parameters)),
      Promise.resolve(),
    );
  return {
    serial: async (statements) => void (await run(clients[0], statements)),
    request: async (sql) => {
      await Promise.all([run(clients[0], sql.page), run(clients[1], sql.count)]);
      await run(clients[0], sql.other);
    },
    plan: async (statement) => {
      const result = await clients[0].query(`EXPLAIN ${statement.sql}`, statement.parameters);
      return result.rows
        .map((row: Record<string, string>) => row['QUERY PLAN'].trim())
        .filter((line) => /Scan|Sort|Limit|Aggregate|InitPlan|SubPlan|Gather/.test(line))
        .map((line) => line.replace(/\s+\(cost=.*$/, ''));
    },
    close: async () => void (await Promise.all(clients.map((client) => client.end()))),
  };
}

function openSqlite(file: string): BareSql {
  const db = new Database(file, { readonly: true });
  const prepared = new Map<string, SqliteStatement>();
  const values = (parameters: unknown[]) =>
    parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  const run = (statements: Statement[]) => {
    for (const s of statements) {
      let statement = prepared.get(s.sql);
      if (!statement) prepared.set(s.sql, (statement = db.prepare(s.sql)));
      statement.all(...values(s.parameters));
    }
  };
  return {
    serial: async (statements) => run(statements),
    request: async (sql) => run([...sql.page, ...sql.count, ...sql.other]),
    plan: async (statement) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...values(statement.parameters)) as {
          detail: string;
        }[]
      ).map((row) => row.detail),
    close: async () => void db.close(),
  };
}
