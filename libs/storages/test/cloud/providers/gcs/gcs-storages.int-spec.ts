import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { GcsResponder, startGcsResponder } from '../../support/gcs-responder';
import { waitForSync } from '../../support/storage-api';
import {
  IMAGE_CONFIG,
  startStorageApp,
  storageKit,
  TEXT_CONFIG,
} from '../../support/storage-suite';
import { serviceAccount, ServiceAccountFixture } from './gcs-fixture';

/** `gcs` import and export storages over the API, against the GCS responder (`GCS_API_ENDPOINT`). */
describe('GCS storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let responder: GcsResponder;
  let account: ServiceAccountFixture;
  let dataSource: DataSource;

  const gcsFields = (extra: Record<string, unknown>) => ({
    bucket: 'import-bucket',
    google_application_credentials: account.credentials(responder.tokenUri),
    google_project_id: 'test-project',
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 'gcs', fields: gcsFields, exportFields: { bucket: 'export-bucket' } },
  );
  const { http, newProject, tasksOf } = kit;

  beforeAll(async () => {
    account = serviceAccount();
    responder = await startGcsResponder({
      publicKey: account.publicKey,
      clientEmail: account.clientEmail,
      buckets: ['import-bucket', 'export-bucket'],
    });
    ({ testApp, dataSource, owner, annotator, stranger } = await startStorageApp({
      GCS_API_ENDPOINT: responder.endpoint,
    }));
    responder.put('import-bucket', 'tasks/one.json', JSON.stringify({ text: 'one' }));
    responder.put(
      'import-bucket',
      'tasks/list.json',
      JSON.stringify([{ text: 'two' }, { data: { text: 'three' } }]),
    );
    responder.put('import-bucket', 'images/a.png', 'png bytes', 'image/png');
    responder.put('import-bucket', 'images/b.txt', 'not an image', 'text/plain');
  });

  afterAll(async () => {
    await testApp?.close();
    await responder?.stop();
  });

  it('is listed as a type, import and export', async () => {
    await kit.expectTypeListed('Google Cloud Storage');
  });

  it('validates: a good bucket, then a missing one (400 with the message), nothing saved', async () => {
    const project = await newProject(TEXT_CONFIG);
    await http()
      .post('/api/storages/gcs/validate')
      .set(owner.headers)
      .send(gcsFields({ project, prefix: 'tasks' }))
      .expect(200);
    const missing = await http()
      .post('/api/storages/gcs/validate')
      .set(owner.headers)
      .send(gcsFields({ project, bucket: 'no-such-bucket' }))
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain(
      'The specified bucket does not exist: no-such-bucket',
    );
    const badJson = await http()
      .post('/api/storages/gcs')
      .set(owner.headers)
      .send(gcsFields({ project, google_application_credentials: '{"type": ' }))
      .expect(400);
    expect(JSON.stringify(badJson.body)).toContain(
      'Google Application Credentials must be valid JSON string.',
    );
    await http()
      .post('/api/storages/export/gcs/validate')
      .set(owner.headers)
      .send(gcsFields({ project, bucket: 'export-bucket' }))
      .expect(200);
    const listed = await http()
      .get('/api/storages/gcs')
      .query({ project })
      .set(owner.headers)
      .expect(200);
    expect(listed.body).toEqual([]);
  });

  it('syncs JSON objects as tasks; the key file is sealed and never returned', async () => {
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/gcs')
      .set(owner.headers)
      .send(gcsFields({ project, prefix: 'tasks', title: 'GCS tasks' }))
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'gcs',
      project,
      bucket: 'import-bucket',
      prefix: 'tasks',
      google_project_id: 'test-project',
      presign: true,
      presign_ttl: 1,
      recursive_scan: false,
      use_blob_urls: false,
      status: 'initialized',
    });
    expect(created.body).not.toHaveProperty('google_application_credentials');
    const [row] = await dataSource.query(
      `SELECT settings, sealed_secrets FROM io_storage WHERE id = ${Number(created.body.id)}`,
    );
    expect(String(row.sealed_secrets)).not.toContain('PRIVATE KEY');
    expect(String(row.settings)).not.toContain('PRIVATE KEY');
    const path = `/api/storages/gcs/${created.body.id}`;
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path)).toMatchObject({
      status: 'completed',
      last_sync_count: 3,
    });
    const tasks = await tasksOf(project);
    expect(tasks.map((task) => task.data.text).sort()).toEqual(['one', 'three', 'two']);
    expect(tasks.find((task) => task.data.text === 'three')?.storage_filename).toBe(
      'tasks/list.json',
    );
  });

  it('syncs 1,000 objects, then exactly the 10 added on a re-sync', async () => {
    await kit.expectBulkResync({
      put: (key, body) => responder.put('import-bucket', key, body),
      beforeResync: () => responder.reset(),
      resynced: () => expect(responder.counts.media).toBe(10),
    });
  }, 120_000);

  it('makes blob URL tasks that resolve to V4 signed URLs downloading from the store', async () => {
    const project = await newProject(IMAGE_CONFIG);
    const created = await http()
      .post('/api/storages/gcs')
      .set(owner.headers)
      .send(
        gcsFields({ project, prefix: 'images', use_blob_urls: true, regex_filter: '.*\\.png$' }),
      )
      .expect(201);
    const path = `/api/storages/gcs/${created.body.id}`;
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path)).toMatchObject({ last_sync_count: 1 });
    const [stored] = await tasksOf(project, { resolve_uri: false });
    expect(stored.data.image).toBe('gs://import-bucket/images/a.png');

    const [task] = await tasksOf(project);
    const resolveUrl = String(task.data.image);
    expect(resolveUrl).toMatch(new RegExp(`^/tasks/${task.id}/resolve/\\?fileuri=`));
    const redirect = await http().get(resolveUrl).set(owner.headers).expect(303);
    const signed = new URL(redirect.headers.location);
    expect(signed.origin).toBe(responder.endpoint);
    expect(signed.pathname).toBe('/import-bucket/images/a.png');
    expect(signed.searchParams.get('X-Goog-Algorithm')).toBe('GOOG4-RSA-SHA256');
    expect(signed.searchParams.get('X-Goog-Expires')).toBe('60');
    responder.reset();
    const downloaded = await fetch(signed);
    expect(await downloaded.text()).toBe('png bytes');
    expect(responder.counts).toMatchObject({ signed: 1, refused: 0 });
    await http().get(resolveUrl).set(stranger.headers).expect(404);

    // Without presigning: the bytes through the server, a range of them too.
    await http().patch(path).set(owner.headers).send({ presign: false }).expect(200);
    await kit.expectProxiedWithRange(resolveUrl);
  });

  it('writes an annotation object on create and update, deletes it when allowed', async () => {
    const exported = () => responder.buckets.get('export-bucket') as Map<string, { body: Buffer }>;
    await kit.expectExportFlow({
      readObject: async (key) => JSON.parse(String(exported().get(key)?.body)),
      listKeys: async () => [...exported().keys()],
      hidden: ['google_application_credentials'],
    });
  });

  it("answers 404 to another organization and 403 to an annotator's create and sync", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 's3' });
  });
});
