import { createFreshDatabase } from '@ls/core';
import { positiveIntegerFromEnv } from './env';
import { createOrFail, sendJson } from './load/http-json';
import { startBenchApi } from './process/bench-api';
import { roundTo } from './stats';
import { listAndReadSeconds, seedObjects } from './storage/bucket-reference';
import { S3RVER_KEYS, startBenchS3 } from './storage/s3rver-process';

const TOKEN = 'bench-token-0123456789abcdef';
const headers = { authorization: `Token ${TOKEN}` };
const CONFIG = '<View><Text name="text" value="$text"/></View>';
const PREFIX = 'tasks';

type Figures = Record<string, number | string>;

/** Syncs the storage and waits for the end; seconds from the request to `completed`. */
async function syncSeconds(
  baseUrl: string,
  storageId: number,
): Promise<{ seconds: number; created: number }> {
  const path = `/api/storages/s3/${storageId}`;
  const started = process.hrtime.bigint();
  const queued = await sendJson(baseUrl, { method: 'POST', path: `${path}/sync`, headers });
  if (queued.status !== 200) throw new Error(`sync: ${queued.status} ${queued.body}`);
  for (;;) {
    const storage = JSON.parse((await sendJson(baseUrl, { method: 'GET', path, headers })).body);
    if (storage.status === 'failed') throw new Error(`sync failed: ${storage.traceback}`);
    if (storage.status === 'completed' || storage.status === 'completed_with_errors') {
      return {
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        created: storage.last_sync_count,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Import storage sync from a local S3-compatible server (s3rver) of `BENCH_SYNC_OBJECTS`
 * small JSON objects (default 10,000), then a re-sync with nothing new and one after adding
 * 10 objects; beside them the bare `ListObjectsV2` + `GetObject` of every key with the same SDK
 * and concurrency, measured in the same run.
 */
export async function benchStorageSync(): Promise<Figures[]> {
  const objects = positiveIntegerFromEnv('BENCH_SYNC_OBJECTS', 10_000);
  const database = await createFreshDatabase();
  const s3 = await startBenchS3('bench');
  try {
    const seedStarted = Date.now();
    await seedObjects(s3, PREFIX, 0, objects);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const reference = await listAndReadSeconds(s3, PREFIX);
    const listReference = await listAndReadSeconds(s3, PREFIX, false);
    const { api, baseUrl } = await startBenchApi(database.env, TOKEN, {
      SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
    });
    try {
      const project = await createOrFail<{ id: number }>(
        baseUrl,
        '/api/projects/',
        { title: 'Sync', label_config: CONFIG },
        headers,
      );
      const storage = await createOrFail<{ id: number }>(
        baseUrl,
        '/api/storages/s3',
        {
          project: project.id,
          bucket: s3.bucket,
          prefix: PREFIX,
          s3_endpoint: s3.endpoint,
          aws_access_key_id: S3RVER_KEYS.accessKeyId,
          aws_secret_access_key: S3RVER_KEYS.secretAccessKey,
        },
        headers,
      );
      const first = await syncSeconds(baseUrl, storage.id);
      const unchanged = await syncSeconds(baseUrl, storage.id);
      await seedObjects(s3, PREFIX, objects, 10);
      const tenNew = await syncSeconds(baseUrl, storage.id);
      return [
        {
          database: database.env.DATABASE_URL ? 'postgres' : 'sqlite',
          objects,
          seed_s: roundTo(seedSeconds, 1),
          first_sync_s: roundTo(first.seconds, 2),
          tasks_created: first.created,
          list_and_get_reference_s: roundTo(reference, 2),
          first_sync_vs_reference: roundTo(first.seconds / reference, 2),
          list_reference_s: roundTo(listReference, 2),
          resync_unchanged_s: roundTo(unchanged.seconds, 2),
          resync_unchanged_created: unchanged.created,
          resync_10_new_s: roundTo(tenNew.seconds, 2),
          resync_10_new_created: tenNew.created,
        },
      ];
    } finally {
      await api.stop();
    }
  } finally {
    await s3.stop();
    await database.drop();
  }
}
