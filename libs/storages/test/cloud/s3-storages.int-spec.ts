import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { connectS3 } from '../../src/lib/cloud/providers/s3/s3-connect';
import { S3Connection } from '../../src/lib/cloud/providers/s3/s3-connection';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { CountingProxy } from './support/counting-proxy';
import { waitForSync } from './support/storage-api';
import {
  IMAGE_CONFIG,
  keysOf,
  readJson,
  sentiment,
  startStorageApp,
  storageKit,
  TEXT_CONFIG,
  writeObjects,
} from './support/storage-suite';

const SECRET = 'not-a-real-secret-0123456789';

/** S3 import and export storages over the API against a real S3-compatible server (s3rver). */
describe('S3 storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let server: S3TestServer;
  let bucket: S3Connection;
  let textProject: number;
  let dataSource: DataSource;

  const s3Fields = (extra: Record<string, unknown>) => ({
    bucket: 'import-bucket',
    s3_endpoint: server.endpoint,
    aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
    aws_secret_access_key: SECRET,
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 's3', fields: s3Fields, exportFields: { bucket: 'export-bucket' } },
  );
  const { http, newProject, tasksOf, syncOf } = kit;
  /** A connection of the test's own to a bucket of the server. */
  const bucketOf = (name: string) =>
    connectS3(
      {
        bucket: name,
        s3_endpoint: server.endpoint,
        aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
        aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
      },
      { guard: null, requestTimeoutMs: 5000 },
    );

  beforeAll(async () => {
    server = await startS3Server(['import-bucket', 'export-bucket']);
    ({ testApp, dataSource, owner, annotator, stranger } = await startStorageApp());
    bucket = bucketOf('import-bucket');
    await writeObjects(bucket, {
      'tasks/one.json': JSON.stringify({ text: 'one' }),
      'tasks/list.json': JSON.stringify([
        { text: 'two' },
        { data: { text: 'three' }, annotations: [{ result: [sentiment('Positive')] }] },
        { text: 'four' },
      ]),
      'tasks/lines.jsonl': `${JSON.stringify({ text: 'five' })}\n${JSON.stringify({ text: 'six' })}\n`,
      'tasks/broken.json': '{"text": ',
      'tasks/nested/deep.json': JSON.stringify({ text: 'deep' }),
      'tasks/notes.txt': 'not a task',
      'images/a.png': 'png bytes',
      'images/b.jpg': 'jpg bytes',
      'images/readme.md': 'not an image',
    });
    textProject = await newProject(TEXT_CONFIG, 'S3 text');
  });

  afterAll(async () => {
    await bucket?.close();
    await testApp?.close();
    await server?.stop();
  });

  it('lists the storage types, import and export', async () => {
    for (const path of ['/api/storages/types', '/api/storages/export/types']) {
      const types = (await http().get(path).set(owner.headers).expect(200)).body;
      expect(types).toEqual([
        { name: 's3', title: 'AWS S3' },
        { name: 's3s', title: 'AWS S3 (with IAM role)' },
        { name: 'gcs', title: 'Google Cloud Storage' },
        { name: 'gcswif', title: 'Google Cloud Storage (WIF Auth)' },
        { name: 'azure', title: 'Microsoft Azure' },
        { name: 'azure_spi', title: 'Azure Blob Storage with Service Principal' },
        { name: 'redis', title: 'Redis' },
        { name: 'localfiles', title: 'Local files' },
        { name: 'databricks', title: 'Databricks Files (UC Volumes)' },
      ]);
    }
  });

  it('refuses credentials the store refuses, on validate and on create, and saves nothing', async () => {
    const bad = s3Fields({ project: textProject, aws_access_key_id: 'NOT-A-KEY' });
    const validated = await http().post('/api/storages/s3/validate').set(owner.headers).send(bad);
    expect(validated.status).toBe(400);
    expect(JSON.stringify(validated.body)).toMatch(/access key|credentials|denied/i);
    await http().post('/api/storages/s3').set(owner.headers).send(bad).expect(400);
    const halfPair = s3Fields({ project: textProject, aws_secret_access_key: null });
    await http().post('/api/storages/s3').set(owner.headers).send(halfPair).expect(400);
    const listed = await http()
      .get('/api/storages/s3')
      .query({ project: textProject })
      .set(owner.headers)
      .expect(200);
    expect(listed.body).toEqual([]);
  });

  it('syncs JSON, JSON list and JSON Lines objects as tasks, errors kept, secrets never shown', async () => {
    const created = await http()
      .post('/api/storages/s3')
      .set(owner.headers)
      .send(s3Fields({ project: textProject, prefix: 'tasks', title: 'Tasks bucket' }))
      .expect(201);
    expect(created.body).toMatchObject({
      type: 's3',
      project: textProject,
      bucket: 'import-bucket',
      prefix: 'tasks',
      status: 'initialized',
      presign: true,
      presign_ttl: 1,
      recursive_scan: false,
      use_blob_urls: false,
    });
    expect(created.body).not.toHaveProperty('aws_secret_access_key');
    expect(created.body).not.toHaveProperty('aws_access_key_id');
    const [row] = await dataSource.query(
      `SELECT sealed_secrets FROM io_storage WHERE id = ${Number(created.body.id)}`,
    );
    expect(String(row.sealed_secrets)).not.toContain(SECRET);

    // Validate the stored storage, secrets included, with a change on top of it.
    await http()
      .post('/api/storages/s3/validate')
      .set(owner.headers)
      .send({ id: created.body.id, prefix: 'images' })
      .expect(200);
    const otherBucket = await http()
      .post('/api/storages/s3/validate')
      .set(owner.headers)
      .send({ id: created.body.id, bucket: 'no-such-bucket' })
      .expect(400);
    expect(JSON.stringify(otherBucket.body)).toContain('no-such-bucket');

    const synced = await syncOf(`/api/storages/s3/${created.body.id}`);
    expect(synced.status).toBe('completed_with_errors');
    expect(synced.last_sync_count).toBe(6);
    expect(JSON.stringify(synced.meta.errors)).toContain('tasks/broken.json');
    expect(JSON.stringify(synced.meta.errors)).toContain('tasks/notes.txt');

    const tasks = await tasksOf(textProject);
    expect(tasks.map((task) => task.data.text).sort()).toEqual(
      ['five', 'four', 'one', 'six', 'three', 'two'].sort(),
    );
    const three = tasks.find((task) => task.data.text === 'three');
    expect(three?.storage_filename).toBe('tasks/list.json');
    const links = await dataSource.query(
      `SELECT key, row_index FROM io_storage_import_link WHERE storage_id = ${Number(created.body.id)} ORDER BY key, row_index`,
    );
    expect(
      links.map((link: { key: string; row_index: number }) => `${link.key}#${link.row_index}`),
    ).toEqual([
      'tasks/lines.jsonl#0',
      'tasks/lines.jsonl#1',
      'tasks/list.json#0',
      'tasks/list.json#1',
      'tasks/list.json#2',
      'tasks/one.json#-1',
    ]);
    expect(
      await kit.countOf(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${textProject}`),
    ).toBe(1);

    // Again: nothing new. Then one new object: one new task.
    expect((await syncOf(`/api/storages/s3/${created.body.id}`)).last_sync_count).toBe(0);
    await bucket.write('tasks/seven.json', JSON.stringify({ text: 'seven' }), 'application/json');
    expect((await syncOf(`/api/storages/s3/${created.body.id}`)).last_sync_count).toBe(1);
    expect(await tasksOf(textProject)).toHaveLength(7);

    // Recursive: the nested object too.
    await http()
      .patch(`/api/storages/s3/${created.body.id}`)
      .set(owner.headers)
      .send({ recursive_scan: true, regex_filter: '.*\\.json$' })
      .expect(200);
    expect((await syncOf(`/api/storages/s3/${created.body.id}`)).last_sync_count).toBe(1);
    expect((await tasksOf(textProject)).map((task) => task.data.text)).toContain('deep');
  });

  it('makes one task per object with use_blob_urls, filtered by the regex from the key start', async () => {
    const project = await newProject(IMAGE_CONFIG, 'S3 images');
    const created = await http()
      .post('/api/storages/s3')
      .set(owner.headers)
      .send(
        s3Fields({
          project,
          prefix: 'images/',
          use_blob_urls: true,
          regex_filter: 'images/.*\\.(png|jpe?g)',
        }),
      )
      .expect(201);
    const synced = await syncOf(`/api/storages/s3/${created.body.id}`);
    expect(synced).toMatchObject({ status: 'completed', last_sync_count: 2 });
    const stored = (await tasksOf(project, { resolve_uri: false })).map((task) => task.data.image);
    expect(stored.sort()).toEqual([
      's3://import-bucket/images/a.png',
      's3://import-bucket/images/b.jpg',
    ]);

    // As the labeling frontend gets them: URLs of the resolve route, which checks access.
    const task = (await tasksOf(project)).find((one) =>
      String(one.data.image).includes(
        Buffer.from('s3://import-bucket/images/a.png').toString('base64url'),
      ),
    );
    const resolveUrl = String(task?.data.image);
    const next = await http().get(`/api/projects/${project}/next/`).set(owner.headers).expect(200);
    expect(String(next.body.data.image)).toMatch(/^\/tasks\/\d+\/resolve\/\?fileuri=/);
    expect(resolveUrl).toMatch(new RegExp(`^/tasks/${task?.id}/resolve/\\?fileuri=`));
    const redirect = await http().get(resolveUrl).set(owner.headers).expect(303);
    expect(redirect.headers['cache-control']).toBe('max-age=60');
    const presigned = await fetch(redirect.headers.location);
    expect(await presigned.text()).toBe('png bytes');
    await http().get(resolveUrl).set(stranger.headers).expect(404);
    const otherUri = Buffer.from('s3://other-bucket/images/a.png').toString('base64url');
    await http()
      .get(`/tasks/${task?.id}/resolve/?fileuri=${otherUri}`)
      .set(owner.headers)
      .expect(404);

    // Without presigning, the bytes through the server, a range of them too.
    await http()
      .patch(`/api/storages/s3/${created.body.id}`)
      .set(owner.headers)
      .send({ presign: false })
      .expect(200);
    const proxied = await kit.expectProxiedWithRange(resolveUrl);
    expect(proxied.headers['x-content-type-options']).toBe('nosniff');
    const etag = proxied.headers.etag;
    expect(etag).toMatch(/^W\//);
    await http().get(resolveUrl).set(owner.headers).set('If-None-Match', etag).expect(304);
  });

  it('syncs 1,000 task objects and 500 images under prefixes, recursive or not, by regex', async () => {
    const writes: Promise<void>[] = [];
    for (let n = 0; n < 1000; n++) {
      // A tenth of them one folder down: only a recursive sync takes those.
      const key = n % 10 === 0 ? `bulk/json/deep/${n}.json` : `bulk/json/${n}.json`;
      writes.push(bucket.write(key, JSON.stringify({ text: `bulk ${n}` }), 'application/json'));
      if (writes.length === 50) await Promise.all(writes.splice(0));
    }
    for (let n = 0; n < 500; n++) {
      const key = `bulk/images/${n}.${n % 2 ? 'png' : 'jpg'}`;
      writes.push(bucket.write(key, `image ${n}`, 'image/jpeg'));
      if (writes.length === 50) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    const syncedProject = async (labelConfig: string, fields: Record<string, unknown>) => {
      const project = await newProject(labelConfig, 'S3 bulk');
      const { path } = await kit.create('s3', s3Fields({ project, ...fields }));
      return { project, storage: await syncOf(path) };
    };

    const flat = await syncedProject(TEXT_CONFIG, { prefix: 'bulk/json' });
    expect(flat.storage).toMatchObject({ status: 'completed', last_sync_count: 900 });
    const deep = await syncedProject(TEXT_CONFIG, { prefix: 'bulk/json', recursive_scan: true });
    expect(deep.storage).toMatchObject({ status: 'completed', last_sync_count: 1000 });
    const [{ count }] = await dataSource.query(
      `SELECT COUNT(DISTINCT storage_filename) AS count FROM task WHERE project_id = ${deep.project}`,
    );
    expect(Number(count)).toBe(1000);
    const pngs = await syncedProject(IMAGE_CONFIG, {
      prefix: 'bulk/images',
      use_blob_urls: true,
      regex_filter: '.*\\.png$',
    });
    expect(pngs.storage).toMatchObject({ status: 'completed', last_sync_count: 250 });
    const images = await syncedProject(IMAGE_CONFIG, {
      prefix: 'bulk',
      recursive_scan: true,
      use_blob_urls: true,
      regex_filter: 'bulk/images/',
    });
    expect(images.storage.last_sync_count).toBe(500);
  }, 60_000);

  it('re-syncs by one listing: the 10 objects added are the only ones read', async () => {
    const proxy = await CountingProxy.start(server.endpoint);
    try {
      for (let n = 0; n < 40; n++) {
        await bucket.write(
          `many/${n}.json`,
          JSON.stringify({ text: `many ${n}` }),
          'application/json',
        );
      }
      const project = await newProject(TEXT_CONFIG, 'S3 many');
      const fields = s3Fields({ project, prefix: 'many', s3_endpoint: proxy.endpoint });
      const { path } = await kit.create('s3', fields);
      proxy.reset();
      expect((await syncOf(path)).last_sync_count).toBe(40);
      // The sync validates the connection first (one listing and one object head), then lists.
      expect(proxy.counts).toMatchObject({ lists: 2, gets: 40, puts: 0 });

      for (let n = 40; n < 50; n++) {
        await bucket.write(
          `many/${n}.json`,
          JSON.stringify({ text: `many ${n}` }),
          'application/json',
        );
      }
      proxy.reset();
      const again = await syncOf(path);
      expect(again.last_sync_count).toBe(10);
      expect(again.meta.tasks_existed).toBe(40);
      expect(proxy.counts).toMatchObject({ lists: 2, gets: 10, puts: 0 });
      expect(await tasksOf(project)).toHaveLength(50);
    } finally {
      await proxy.stop();
    }
  });

  it('marks a sync whose job is gone failed when the storage is next read', async () => {
    const created = await kit.create('s3', s3Fields({ project: textProject, prefix: 'tasks' }));
    const stale = new Date(Date.now() - 60_000).toISOString();
    await dataSource
      .createQueryBuilder()
      .update('io_storage')
      .set({
        status: 'in_progress',
        last_sync_job: 'a-job-no-queue-knows',
        meta: () => `'${JSON.stringify({ time_last_ping: stale })}'`,
      })
      .where('id = :id', { id: created.body.id })
      .execute();
    const read = await http().get(created.path).set(owner.headers).expect(200);
    expect(read.body.status).toBe('failed');
    expect(read.body.traceback).toMatch(/stopped without finishing/);
  });

  it('queues one sync for two requests at once: no duplicate tasks', async () => {
    const project = await newProject(TEXT_CONFIG, 'S3 twice');
    const { path } = await kit.create(
      's3',
      s3Fields({ project, prefix: 'tasks', regex_filter: '.*\\.json$' }),
    );
    const both = await Promise.all([
      http().post(`${path}/sync`).set(owner.headers),
      http().post(`${path}/sync`).set(owner.headers),
    ]);
    expect(both.map((response) => response.status)).toEqual([200, 200]);
    await waitForSync(http, owner, path);
    expect(await tasksOf(project)).toHaveLength(5);
  });

  it('writes every annotation to an export storage on create, then each one saved, deleted when allowed', async () => {
    const exported = bucketOf('export-bucket');
    try {
      await kit.expectExportFlow({
        readObject: (key) => readJson(exported, key),
        listKeys: () => keysOf(exported),
        // The annotation imported with task "three", written as the storage is created.
        project: { id: textProject, annotated: 1 },
        hidden: ['aws_access_key_id', 'aws_secret_access_key'],
      });
    } finally {
      await exported.close();
    }
  });

  it("answers 404 to another organization and 403 to an annotator's writes", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 'redis' });
  });
});
