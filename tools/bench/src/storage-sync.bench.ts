import { createFreshDatabase } from '@ls/core';
import { positiveIntegerFromEnv } from './env';
import { createOrFail, sendJson } from './load/http-json';
import { startBenchApi } from './process/bench-api';
import { roundTo } from './stats';
import { AZURITE_ACCOUNT, startBenchAzurite } from './storage/azurite-process';
import { listAndReadSeconds, seedObjects } from './storage/bucket-reference';
import { listAndDownloadSeconds, seedBlobs } from './storage/container-reference';
import { S3RVER_KEYS, startBenchS3 } from './storage/s3rver-process';

const TOKEN = 'bench-token-0123456789abcdef';
const headers = { authorization: `Token ${TOKEN}` };
const CONFIG = '<View><Text name="text" value="$text"/></View>';
const PREFIX = 'tasks';

type Figures = Record<string, number | string>;

/** One store the sync is measured against, and the bare SDK work it is compared with. */
interface BenchStore {
  /** The storage type's route: `/api/storages/<type>`. */
  type: string;
  /** The import storage's settings (besides `project` and `prefix`). */
  settings: Record<string, unknown>;
  /** API settings pointing the server at the store. */
  apiEnv: Record<string, string>;
  seed(first: number, count: number): Promise<void>;
  /** Seconds of the SDK's listing plus download of every object (`read` false: listing only). */
  reference(read: boolean): Promise<number>;
  stop(): Promise<void>;
}

/** Syncs the storage and waits for the end; seconds from the request to `completed`. */
async function syncSeconds(
  baseUrl: string,
  path: string,
): Promise<{ seconds: number; created: number }> {
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
 * Import storage sync of `BENCH_SYNC_OBJECTS` small JSON objects (default 10,000) from a store
 * in its own process: the first sync, a re-sync with nothing new and one after adding 10
 * objects; beside them the bare listing + download of every object with the same SDK and
 * concurrency, measured in the same run.
 */
async function syncFigures(store: BenchStore): Promise<Figures[]> {
  const objects = positiveIntegerFromEnv('BENCH_SYNC_OBJECTS', 10_000);
  const database = await createFreshDatabase();
  try {
    const seedStarted = Date.now();
    await store.seed(0, objects);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const reference = await store.reference(true);
    const listReference = await store.reference(false);
    const { api, baseUrl } = await startBenchApi(database.env, TOKEN, {
      SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
      ...store.apiEnv,
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
        `/api/storages/${store.type}`,
        { project: project.id, prefix: PREFIX, ...store.settings },
        headers,
      );
      const path = `/api/storages/${store.type}/${storage.id}`;
      const first = await syncSeconds(baseUrl, path);
      const unchanged = await syncSeconds(baseUrl, path);
      await store.seed(objects, 10);
      const tenNew = await syncSeconds(baseUrl, path);
      return [
        {
          store: store.type,
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
    await store.stop();
    await database.drop();
  }
}

/** Against a local S3-compatible server (`s3rver`): `ListObjectsV2` + `GetObject`. */
export async function benchStorageSync(): Promise<Figures[]> {
  const s3 = await startBenchS3('bench');
  return syncFigures({
    type: 's3',
    settings: {
      bucket: s3.bucket,
      s3_endpoint: s3.endpoint,
      aws_access_key_id: S3RVER_KEYS.accessKeyId,
      aws_secret_access_key: S3RVER_KEYS.secretAccessKey,
    },
    apiEnv: {},
    seed: (first, count) => seedObjects(s3, PREFIX, first, count),
    reference: (read) => listAndReadSeconds(s3, PREFIX, read),
    stop: () => s3.stop(),
  });
}

/** Against the Azure Blob emulator (`azurite`): `listBlobsFlat` + blob downloads. */
export async function benchAzureStorageSync(): Promise<Figures[]> {
  const azure = await startBenchAzurite('bench');
  return syncFigures({
    type: 'azure',
    settings: {
      container: azure.container,
      account_name: AZURITE_ACCOUNT.name,
      account_key: AZURITE_ACCOUNT.key,
    },
    apiEnv: { AZURE_BLOB_ENDPOINT: azure.endpoint },
    seed: (first, count) => seedBlobs(azure, PREFIX, first, count),
    reference: (read) => listAndDownloadSeconds(azure, PREFIX, read),
    stop: () => azure.stop(),
  });
}
