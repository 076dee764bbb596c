import { createFreshDatabase } from '@ls/core';
import { createOrFail } from './load/http-json';
import { benchAnnotationLoad } from './load/annotation-load';
import { BuiltEntryProcess, freePort } from './process/built-entry-process';

const TOKEN = 'bench-token-0123456789abcdef';
const TASKS = 10;
const LABEL_CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text">' +
  '<Choice value="Positive"/><Choice value="Negative"/></Choices></View>';

/**
 * Annotation creation throughput of the built API, run as its own process on a fresh database
 * (a scratch SQLite file, or a scratch PostgreSQL database with DATABASE_URL), over real HTTP.
 */
export async function benchAnnotationCreate(): Promise<Record<string, number | string>> {
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
  });
  try {
    await api.waitForHttpOk(baseUrl, '/health');
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
    return {
      database: database.env.DATABASE_URL ? 'postgres' : 'sqlite',
      ...(await benchAnnotationLoad(baseUrl, taskIds, headers)),
    };
  } finally {
    await api.stop();
    await database.drop();
  }
}
