import { benchAnnotationLoad } from './load/annotation-load';
import { withAnnotatingApi } from './load/annotating-api';

/**
 * Annotation creation throughput of the built API, run as its own process on a fresh database
 * (a scratch SQLite file, or a scratch PostgreSQL database with DATABASE_URL), over real HTTP.
 */
export function benchAnnotationCreate(): Promise<Record<string, number | string>> {
  return withAnnotatingApi({}, async ({ baseUrl, taskIds, headers, database }) => ({
    database,
    ...(await benchAnnotationLoad(baseUrl, taskIds, headers)),
  }));
}
