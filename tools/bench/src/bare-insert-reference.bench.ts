import { createFreshDatabase } from '@ls/core';
import { benchAnnotationLoad } from './load/annotation-load';
import { BuiltEntryProcess, freePort } from './process/built-entry-process';
import { LISTENING_MESSAGE } from './reference/listening-message';

/**
 * The floor to compare annotation creation with: the same load against a bare Node server that
 * does one INSERT per request on the same kind of database, without framework, auth or checks.
 */
export async function benchBareInsertReference(): Promise<Record<string, number | string>> {
  const database = await createFreshDatabase();
  const port = await freePort();
  const server = BuiltEntryProcess.start('tools/bench/src/reference/bare-insert-server', {
    ...database.env,
    PORT: String(port),
  });
  try {
    await server.waitForOutput(LISTENING_MESSAGE);
    return {
      database: database.env.DATABASE_URL ? 'postgres' : 'sqlite',
      ...(await benchAnnotationLoad(`http://127.0.0.1:${port}`, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])),
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}
