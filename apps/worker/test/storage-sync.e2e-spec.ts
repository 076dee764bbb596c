import { connectS3 } from '@ls/storages';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { describeScaled, ScaledDeployment, until } from '@ls/core/testing';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="A"/></Choices></View>`;
const OBJECTS = 10_000;
const BUCKET = 'sync-bucket';

/**
 * An import storage sync in scaled mode runs on a worker; a worker killed in the middle leaves
 * whole batches, and the retried job makes each remaining task once. Needs PostgreSQL, Redis,
 * a build, and runs a real S3-compatible server.
 */
describeScaled('storage sync on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;
  let s3: S3TestServer;

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);
  const counts = async (projectId: number, storageId: number) => {
    const { rows } = await deployment.sql.query(
      `SELECT (SELECT COUNT(*)::int FROM task WHERE project_id = $1) AS tasks,
              (SELECT COUNT(DISTINCT key)::int FROM io_storage_import_link WHERE storage_id = $2) AS keys,
              (SELECT COUNT(*)::int FROM io_storage_import_link WHERE storage_id = $2) AS links`,
      [projectId, storageId],
    );
    return rows[0] as { tasks: number; keys: number; links: number };
  };

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    const bucket = connectS3(
      {
        bucket: BUCKET,
        s3_endpoint: s3.endpoint,
        aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
        aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
      },
      { guard: null, requestTimeoutMs: 10_000 },
    );
    try {
      const keys = Array.from(
        { length: OBJECTS },
        (_, n) => `tasks/${String(n).padStart(5, '0')}.json`,
      );
      for (let start = 0; start < keys.length; start += 50) {
        await Promise.all(
          keys
            .slice(start, start + 50)
            .map((key) => bucket.write(key, JSON.stringify({ text: key }), 'application/json')),
        );
      }
    } finally {
      await bucket.close();
    }
    deployment = await ScaledDeployment.start('storagesync', {
      SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
    });
  }, 240_000);

  afterEach(() => deployment.killWorkers());

  afterAll(async () => {
    await deployment?.close();
    await s3?.stop();
  });

  it('a sync of 10,000 objects survives its worker killed mid-way: exactly 10,000 tasks', async () => {
    const project = await call('POST', '/api/projects/', { title: 'Sync', label_config: CONFIG });
    expect(project.status).toBe(201);
    const created = await call('POST', '/api/storages/s3', {
      project: project.body.id,
      bucket: BUCKET,
      prefix: 'tasks',
      s3_endpoint: s3.endpoint,
      aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
      aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
    });
    expect(created.status).toBe(201);
    const path = `/api/storages/s3/${created.body.id}`;

    // Two requests at once: one sync queued, the same job for both.
    const [first, second] = await Promise.all([
      call('POST', `${path}/sync`),
      call('POST', `${path}/sync`),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.status).toBe('queued');
    expect(second.body.last_sync_job).toBe(first.body.last_sync_job);
    // No worker yet: nothing is written.
    expect((await counts(project.body.id, created.body.id)).tasks).toBe(0);

    const doomed = await deployment.startWorker();
    const partial = await until(
      () => counts(project.body.id, created.body.id),
      (state) => state.tasks > 0,
      120_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const afterKill = await counts(project.body.id, created.body.id);
    expect(afterKill.tasks).toBeGreaterThanOrEqual(partial.tasks);
    expect(afterKill.tasks).toBeLessThan(OBJECTS);
    // Whole batches only: every task has its link.
    expect(afterKill.links).toBe(afterKill.tasks);

    await deployment.startWorker();
    const done = await until(
      async () => (await call('GET', path)).body,
      (storage) => storage.status === 'completed' || storage.status === 'failed',
      180_000,
    );
    expect(done.status).toBe('completed');
    expect(await counts(project.body.id, created.body.id)).toEqual({
      tasks: OBJECTS,
      keys: OBJECTS,
      links: OBJECTS,
    });

    // A re-sync of the unchanged bucket adds nothing.
    await call('POST', `${path}/sync`);
    const again = await until(
      async () => (await call('GET', path)).body,
      (storage) => storage.status === 'completed' && storage.last_sync_job !== done.last_sync_job,
      60_000,
    );
    expect(again.last_sync_count).toBe(0);
    expect((await counts(project.body.id, created.body.id)).tasks).toBe(OBJECTS);
  }, 420_000);
});
