import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface FreshDatabase {
  /** Settings that point a process at the new database. */
  env: { DATABASE_URL?: string; DATA_DIR: string };
  drop(): Promise<void>;
}

const uniqueSuffix = () => `${process.pid}_${randomBytes(4).toString('hex')}`;

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database (for a test file, or to diff entities against migrations): a new PostgreSQL database when `DATABASE_URL` is set
 * (the server it names must let us create databases), else a SQLite file in a temporary folder.
 * Pass `null` for SQLite whatever the environment says.
 */
export async function createFreshDatabase(
  baseUrl: string | null = process.env.DATABASE_URL ?? null,
): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ls-test-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!baseUrl) return { env: { DATA_DIR: dataDir }, drop: async () => removeDataDir() };

  const name = `ls_test_${uniqueSuffix()}`;
  await withAdminClient(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      await withAdminClient(baseUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
      removeDataDir();
    },
  };
}

/** A Redis key prefix no other test run uses (ignored by in-process jobs). */
export function freshQueuePrefix(): string {
  return `ls-test-${uniqueSuffix()}`;
}
