import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractFetch } from '@ls/core/testing';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { describeScaled, ScaledDeployment, until } from '@ls/core/testing';

const CONFIG = '<View><Text name="text" value="$text"/></View>';
const BUCKET = 'shared-files';

/** Every file below `directory`, relative to it. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/**
 * Scaled mode with `UPLOADS_STORAGE`: the API and the worker each have a `DATA_DIR` of their
 * own and share only a bucket. An upload the API stored is imported by the worker; a snapshot
 * the worker wrote is downloaded from the API. Needs PostgreSQL, Redis and a build.
 */
describeScaled('uploads and exports in a bucket, no shared volume (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;
  let s3: S3TestServer;
  let workerDataDir: string;

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    workerDataDir = await mkdtemp(join(tmpdir(), 'worker-data-'));
    deployment = await ScaledDeployment.start('bucketfiles', {
      UPLOADS_STORAGE: `s3://${BUCKET}/files`,
      UPLOADS_S3_ENDPOINT: s3.endpoint,
      UPLOADS_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      UPLOADS_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      // Every import runs on the worker.
      IMPORT_JOB_THRESHOLD_BYTES: '0',
    });
    await deployment.startWorker({ DATA_DIR: workerDataDir });
  }, 120_000);

  afterAll(async () => {
    await deployment?.close();
    await s3?.stop();
    await rm(workerDataDir, { recursive: true, force: true });
  });

  it('imports on the worker what the API stored, and serves what the worker exported', async () => {
    const project = await call('POST', '/api/projects/', { title: 'Bucket', label_config: CONFIG });
    expect(project.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('text\nfirst\nsecond\nthird\n')]), 'tasks.csv');
    const { response, body } = await contractFetch(
      `${deployment.base}/api/projects/${project.body.id}/import`,
      { method: 'POST', headers: { Authorization: `Token ${deployment.token}` }, body: form },
    );
    expect(response.status).toBe(201);
    const importId = (body as { import: number }).import;
    const imported = await until(
      async () => (await call('GET', `/api/projects/${project.body.id}/imports/${importId}/`)).body,
      (record) => record.status === 'completed' || record.status === 'failed',
      60_000,
    );
    expect(imported).toMatchObject({ status: 'completed', task_count: 3 });

    const created = await call('POST', `/api/projects/${project.body.id}/exports/`, {});
    expect(created.status).toBe(201);
    const snapshot = await until(
      async () =>
        (await call('GET', `/api/projects/${project.body.id}/exports/${created.body.id}`)).body,
      (record) => record.status === 'completed' || record.status === 'failed',
      60_000,
    );
    expect(snapshot.status).toBe('completed');
    const download = await fetch(
      `${deployment.base}/api/projects/${project.body.id}/exports/${created.body.id}/download?exportType=JSON`,
      { headers: { Authorization: `Token ${deployment.token}` } },
    );
    expect(download.status).toBe(200);
    const tasks = (await download.json()) as { data: { text: string } }[];
    expect(tasks.map((task) => task.data.text).sort()).toEqual(['first', 'second', 'third']);

    // Neither process kept a file of its own: both went to the bucket.
    expect(await filesUnder(join(deployment.dataDir, 'upload'))).toEqual([]);
    expect(await filesUnder(join(deployment.dataDir, 'export'))).toEqual([]);
    expect(await filesUnder(join(workerDataDir, 'export'))).toEqual([]);
  }, 180_000);
});
