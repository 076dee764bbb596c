import { createFreshDatabase } from '@ls/core';
import { startBenchApi } from '../process/bench-api';
import { BuiltEntryProcess } from '../process/built-entry-process';
import { createOrFail } from './http-json';

const TOKEN = 'bench-token-0123456789abcdef';
const TASKS = 10;
const LABEL_CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text">' +
  '<Choice value="Positive"/><Choice value="Negative"/></Choices></View>';

/** The built API running on a fresh database, with one project of tasks to annotate. */
export interface AnnotatingApi {
  api: BuiltEntryProcess;
  baseUrl: string;
  headers: Record<string, string>;
  taskIds: number[];
  database: 'postgres' | 'sqlite';
}

/**
 * Starts the built API as its own process on a fresh database (a scratch SQLite file, or a
 * scratch PostgreSQL database with DATABASE_URL) with `env` added, makes a project of 10 tasks,
 * runs `use`, then stops the API and drops the database.
 */
export async function withAnnotatingApi<T>(
  env: Record<string, string>,
  use: (running: AnnotatingApi) => Promise<T>,
): Promise<T> {
  const database = await createFreshDatabase();
  let started: { api: BuiltEntryProcess; baseUrl: string };
  try {
    started = await startBenchApi(database.env, TOKEN, env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const { api, baseUrl } = started;
  try {
    const headers = { authorization: `Token ${TOKEN}` };
    const project = await createOrFail<{ id: number }>(
      baseUrl,
      '/api/projects/',
      { title: 'Bench', label_config: LABEL_CONFIG },
      headers,
    );
    const taskIds: number[] = [];
    for (let n = 1; n <= TASKS; n += 1) {
      const task = await createOrFail<{ id: number }>(
        baseUrl,
        '/api/tasks/',
        { project: project.id, data: { text: `task ${n}` } },
        headers,
      );
      taskIds.push(task.id);
    }
    return await use({
      api,
      baseUrl,
      headers,
      taskIds,
      database: database.env.DATABASE_URL ? 'postgres' : 'sqlite',
    });
  } finally {
    await api.stop();
    await database.drop();
  }
}
