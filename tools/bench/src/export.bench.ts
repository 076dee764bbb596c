import { request } from 'node:http';
import { Client } from 'pg';
import Database from 'better-sqlite3';
import { createFreshDatabase } from '@ls/core';
import { positiveIntegerFromEnv } from './env';
import {
  copyReferenceSeconds,
  loadTasks,
  stringifyReferenceSeconds,
} from './export/export-references';
import { seedAnnotatedTasks } from './export/seed-annotated-tasks';
import {
  residentMemory,
  resetPeakMemory,
  sampleResidentMemory,
  tenthsOf,
} from './import/process-memory';
import { createOrFail, sendJson } from './load/http-json';
import { startBenchApi } from './process/bench-api';
import { roundTo } from './stats';
import { sqliteFile } from './task-list/seed-tasks';

const TOKEN = 'bench-token-0123456789abcdef';
const LABEL_CONFIG = `<View><Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices></View>`;
const headers = { authorization: `Token ${TOKEN}` };

type Figures = Record<string, number | string>;

/** GETs `path` and reads the body to its end: seconds to the last byte and bytes read. */
function download(baseUrl: string, path: string): Promise<{ seconds: number; bytes: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    request(new URL(path, baseUrl), { headers }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${path}: ${response.statusCode}`));
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function userIdOf(env: Record<string, string>): Promise<number> {
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query('SELECT MIN(id) AS id FROM htx_user')).rows[0].id;
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqliteFile(env.DATA_DIR), { readonly: true });
  try {
    return (db.prepare('SELECT MIN(id) AS id FROM htx_user').get() as { id: number }).id;
  } finally {
    db.close();
  }
}

/**
 * The process's peak resident size while `work` runs (from a fresh peak), and its resident size
 * at each tenth of the run: a flat tail is memory that does not grow with the project.
 */
async function withPeakMemory<T>(pid: number, work: () => Promise<T>) {
  const before = await residentMemory(pid);
  await resetPeakMemory(pid);
  const { result, samplesMb } = await sampleResidentMemory(pid, work);
  const after = await residentMemory(pid);
  return {
    result,
    beforeMb: before.currentMb,
    peakMb: after.peakMb,
    tenthsMb: tenthsOf(samplesMb),
  };
}

/**
 * JSON export of `BENCH_EXPORT_TASKS` tasks (default 100,000) with one annotation each: the
 * direct export over HTTP and a snapshot (written by the API process's in-process jobs), with the
 * API's peak resident memory; beside them the same rows through `COPY ... TO STDOUT` (PostgreSQL)
 * and `JSON.stringify` of the same objects already in memory.
 */
export async function benchExport(): Promise<Figures[]> {
  const tasks = positiveIntegerFromEnv('BENCH_EXPORT_TASKS', 100_000);
  const database = await createFreshDatabase();
  const dbName = database.env.DATABASE_URL ? 'postgres' : 'sqlite';
  const { api, baseUrl } = await startBenchApi(database.env, TOKEN).catch(async (error) => {
    await database.drop();
    throw error;
  });
  try {
    const project = await createOrFail<{ id: number }>(
      baseUrl,
      '/api/projects/',
      { title: 'Export', label_config: LABEL_CONFIG },
      headers,
    );
    const seedSeconds = await seedAnnotatedTasks(
      database.env,
      project.id,
      await userIdOf(database.env),
      tasks,
    );
    const direct = await withPeakMemory(api.pid, () =>
      download(
        baseUrl,
        `/api/projects/${project.id}/export?exportType=JSON&download_all_tasks=true`,
      ),
    );
    const snapshot = await withPeakMemory(api.pid, async () => {
      const started = process.hrtime.bigint();
      const created = await createOrFail<{ id: number }>(
        baseUrl,
        `/api/projects/${project.id}/exports/`,
        {},
        headers,
      );
      for (;;) {
        const state = await sendJson(baseUrl, {
          method: 'GET',
          path: `/api/projects/${project.id}/exports/${created.id}`,
          headers,
        });
        const status = JSON.parse(state.body).status;
        if (status === 'failed') throw new Error(`snapshot failed: ${state.body}`);
        if (status === 'completed') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const file = await download(
        baseUrl,
        `/api/projects/${project.id}/exports/${created.id}/download?exportType=JSON`,
      );
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes: file.bytes };
    });
    const copySeconds = database.env.DATABASE_URL
      ? await copyReferenceSeconds(database.env.DATABASE_URL, project.id)
      : null;
    const stringify = stringifyReferenceSeconds(await loadTasks(database.env, project.id));
    return [
      {
        database: dbName,
        tasks,
        seed_s: roundTo(seedSeconds, 1),
        direct_s: roundTo(direct.result.seconds, 2),
        direct_mb: roundTo(direct.result.bytes / 1e6, 1),
        direct_api_rss_before_mb: direct.beforeMb,
        direct_api_rss_peak_mb: direct.peakMb,
        direct_api_rss_tenths_mb: direct.tenthsMb,
        snapshot_s: roundTo(snapshot.result.seconds, 2),
        snapshot_api_rss_before_mb: snapshot.beforeMb,
        snapshot_api_rss_peak_mb: snapshot.peakMb,
        snapshot_api_rss_tenths_mb: snapshot.tenthsMb,
        copy_reference_s: copySeconds === null ? 'n/a' : roundTo(copySeconds, 2),
        stringify_reference_s: roundTo(stringify.seconds, 2),
        direct_vs_copy:
          copySeconds === null ? 'n/a' : roundTo(direct.result.seconds / copySeconds, 2),
      },
    ];
  } finally {
    await api.stop();
    await database.drop();
  }
}
