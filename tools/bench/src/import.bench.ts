import { createFreshDatabase } from '@ls/core';
import { csvFile, jsonBody } from './import/import-payloads';
import { residentMemory, resetPeakMemory } from './import/process-memory';
import { createOrFail } from './load/http-json';
import { BuiltEntryProcess, freePort } from './process/built-entry-process';
import { postgresCopyReference, sqliteInsertReference } from './reference/bulk-insert-reference';

const TOKEN = 'bench-token-0123456789abcdef';
const LABEL_CONFIG = '<View><Text name="text" value="$text"/></View>';
const TERMINAL = new Set(['completed', 'failed']);

type Figures = Record<string, number | string>;

interface ImportAnswer {
  import: number;
  task_count?: number;
}

async function postImport(
  baseUrl: string,
  projectId: number,
  body: string | FormData,
): Promise<ImportAnswer> {
  const response = await fetch(`${baseUrl}/api/projects/${projectId}/import`, {
    method: 'POST',
    headers: {
      authorization: `Token ${TOKEN}`,
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${text}`);
  return JSON.parse(text) as ImportAnswer;
}

/** Polls a queued import until it ends; returns its task count. */
async function waitForImport(baseUrl: string, projectId: number, id: number): Promise<number> {
  for (;;) {
    const response = await fetch(`${baseUrl}/api/projects/${projectId}/imports/${id}/`, {
      headers: { authorization: `Token ${TOKEN}` },
    });
    const record = (await response.json()) as { status: string; task_count: number; error: string };
    if (record.status === 'failed') throw new Error(`import ${id} failed: ${record.error}`);
    if (TERMINAL.has(record.status)) return record.task_count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function importSizes(): number[] {
  return (process.env.BENCH_IMPORT_SIZES ?? '10000,100000').split(',').map((size) => {
    const tasks = Number(size);
    if (!Number.isInteger(tasks) || tasks < 1) {
      throw new Error(`BENCH_IMPORT_SIZES must list positive whole numbers, got "${size}"`);
    }
    return tasks;
  });
}

/** One import into a new project: wall time until the tasks are stored, and the API's memory. */
async function timedImport(
  api: BuiltEntryProcess,
  baseUrl: string,
  tasks: number,
  format: 'json' | 'csv',
): Promise<Figures> {
  const project = await createOrFail<{ id: number }>(
    baseUrl,
    '/api/projects/',
    { title: `Import ${tasks} ${format}`, label_config: LABEL_CONFIG },
    { authorization: `Token ${TOKEN}` },
  );
  let body: string | FormData;
  if (format === 'json') body = jsonBody(tasks);
  else {
    body = new FormData();
    body.append('file', new Blob([csvFile(tasks)]), 'tasks.csv');
  }
  const before = await residentMemory(api.pid);
  await resetPeakMemory(api.pid);
  const started = process.hrtime.bigint();
  const answer = await postImport(baseUrl, project.id, body);
  const imported = answer.task_count ?? (await waitForImport(baseUrl, project.id, answer.import));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (imported !== tasks) throw new Error(`imported ${imported} tasks instead of ${tasks}`);
  const after = await residentMemory(api.pid);
  return {
    tasks,
    format,
    mode: answer.task_count === undefined ? 'job' : 'inline',
    seconds: Number(seconds.toFixed(2)),
    tasks_per_s: Math.round(tasks / seconds),
    rss_before_mb: before.currentMb,
    peak_rss_mb: after.peakMb,
    growth_mb: after.peakMb - before.currentMb,
  };
}

/**
 * Import of `BENCH_IMPORT_SIZES` tasks (default 10,000 and 100,000; about 200 bytes of text each)
 * as a JSON body and as a CSV upload, into the built API in its own process on a fresh database.
 */
export async function benchImport(): Promise<Figures[]> {
  const sizes = importSizes();
  const database = await createFreshDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = BuiltEntryProcess.start('apps/api/src/main', {
    ...database.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LABEL_STUDIO_USERNAME: 'bench@example.com',
    LABEL_STUDIO_PASSWORD: 'bench-password-1',
    LABEL_STUDIO_USER_TOKEN: TOKEN,
    // Where inline imports end and jobs begin can be moved to compare both paths.
    ...(process.env.IMPORT_JOB_THRESHOLD_BYTES
      ? { IMPORT_JOB_THRESHOLD_BYTES: process.env.IMPORT_JOB_THRESHOLD_BYTES }
      : {}),
  });
  try {
    await api.waitForHttpOk(baseUrl, '/health');
    const results: Figures[] = [];
    for (const tasks of sizes) {
      for (const format of ['json', 'csv'] as const) {
        results.push({
          database: database.env.DATABASE_URL ? 'postgres' : 'sqlite',
          ...(await timedImport(api, baseUrl, tasks, format)),
        });
      }
    }
    return results;
  } finally {
    await api.stop();
    await database.drop();
  }
}

/** The same rows written bare, without the API: the floor to read the import figures against. */
export async function benchBulkInsertReference(): Promise<Figures[]> {
  const database = await createFreshDatabase();
  try {
    const results: Figures[] = [];
    for (const tasks of importSizes()) {
      results.push(
        database.env.DATABASE_URL
          ? {
              database: 'postgres',
              tasks,
              ...(await postgresCopyReference(database.env.DATABASE_URL, tasks)),
            }
          : { database: 'sqlite', tasks, ...sqliteInsertReference(database.env.DATA_DIR, tasks) },
      );
    }
    return results;
  } finally {
    await database.drop();
  }
}
