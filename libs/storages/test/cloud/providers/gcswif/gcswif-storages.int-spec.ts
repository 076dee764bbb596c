import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { waitForSync } from '../../support/storage-api';
import {
  IMAGE_CONFIG,
  startStorageApp,
  storageKit,
  TEXT_CONFIG,
} from '../../support/storage-suite';
import { startWifFixture, WIF_ACCOUNT, wifFields, WifFixture } from './gcswif-fixture';

/** `gcswif` import and export storages over the API, federated through the STS/IAM responders. */
describe('GCS WIF storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let fixture: WifFixture;

  const fields = (extra: Record<string, unknown>) => ({
    bucket: 'import-bucket',
    google_project_id: 'test-project',
    ...wifFields,
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 'gcswif', fields: fields, exportFields: { bucket: 'export-bucket' } },
  );
  const { http, newProject, tasksOf } = kit;

  beforeAll(async () => {
    fixture = await startWifFixture(['import-bucket', 'export-bucket']);
    ({ testApp, owner, annotator, stranger } = await startStorageApp({
      GCS_API_ENDPOINT: fixture.gcs.endpoint,
      GCS_WIF_SUBJECT_TOKEN_FILE: fixture.tokenFile,
      GCS_STS_ENDPOINT: fixture.wif.stsEndpoint,
      GCS_IAM_CREDENTIALS_ENDPOINT: fixture.wif.iamEndpoint,
    }));
    const { gcs } = fixture;
    gcs.put('import-bucket', 'tasks/one.json', JSON.stringify({ text: 'one' }));
    gcs.put('import-bucket', 'tasks/list.json', JSON.stringify([{ text: 'two' }, { text: 'x' }]));
    gcs.put('import-bucket', 'images/a.png', 'png bytes', 'image/png');
    gcs.put('import-bucket', 'images/b.txt', 'not an image', 'text/plain');
  });

  afterAll(async () => {
    await testApp?.close();
    await fixture?.stop();
  });

  it('is listed as a type, import and export', async () => {
    await kit.expectTypeListed('Google Cloud Storage (WIF Auth)');
  });

  it('validates: good settings, then a wrong pool or a missing field (400), nothing saved', async () => {
    const project = await newProject(TEXT_CONFIG);
    fixture.wif.reset();
    await http()
      .post('/api/storages/gcswif/validate')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(200);
    expect(fixture.wif.counts).toMatchObject({ exchanges: 1, impersonations: 1, refused: 0 });
    const wrongPool = await http()
      .post('/api/storages/gcswif/validate')
      .set(owner.headers)
      .send(fields({ project, google_wif_pool_id: 'another-pool' }))
      .expect(400);
    expect(JSON.stringify(wrongPool.body)).toContain(
      'failed: The target service indicated by the \\"audience\\" parameters is invalid',
    );
    expect(JSON.stringify(wrongPool.body)).not.toContain('subject-token');
    const noProvider = await http()
      .post('/api/storages/gcswif')
      .set(owner.headers)
      .send(fields({ project, google_wif_provider_id: '' }))
      .expect(400);
    expect(noProvider.body.validation_errors).toEqual({
      non_field_errors: [
        'Google WIF provider ID (google_wif_provider_id) is required for GCS with WIF',
      ],
    });
    const missingBucket = await http()
      .post('/api/storages/export/gcswif/validate')
      .set(owner.headers)
      .send(fields({ project, bucket: 'no-such-bucket' }))
      .expect(400);
    expect(JSON.stringify(missingBucket.body)).toContain(
      'The specified bucket does not exist: no-such-bucket',
    );
    await http()
      .post('/api/storages/export/gcswif/validate')
      .set(owner.headers)
      .send(fields({ project, bucket: 'export-bucket' }))
      .expect(200);
    for (const path of ['/api/storages/gcswif', '/api/storages/export/gcswif']) {
      const listed = await http().get(path).query({ project }).set(owner.headers).expect(200);
      expect(listed.body).toEqual([]);
    }
  });

  it('creates with the WIF fields returned and syncs JSON objects as tasks', async () => {
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/gcswif')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks', title: 'WIF tasks' }))
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'gcswif',
      project,
      bucket: 'import-bucket',
      prefix: 'tasks',
      ...wifFields,
      presign: true,
      presign_ttl: 1,
      status: 'initialized',
    });
    expect(created.body).not.toHaveProperty('google_application_credentials');
    const path = `/api/storages/gcswif/${created.body.id}`;
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path)).toMatchObject({
      status: 'completed',
      last_sync_count: 3,
    });
    const tasks = await tasksOf(project);
    expect(tasks.map((task) => task.data.text).sort()).toEqual(['one', 'two', 'x']);
  });

  it('syncs 1,000 objects, then exactly the 10 added on a re-sync', async () => {
    await kit.expectBulkResync({
      put: (key, body) => fixture.gcs.put('import-bucket', key, body),
      created: () => fixture.wif.reset(),
      synced: () => {
        // The sync request's check and the sync itself: a connection each, one exchange each.
        expect(fixture.wif.counts.exchanges).toBeLessThanOrEqual(2);
        expect(fixture.wif.counts.impersonations).toBeLessThanOrEqual(2);
      },
      beforeResync: () => fixture.gcs.reset(),
      resynced: () => expect(fixture.gcs.counts).toMatchObject({ media: 10, refused: 0 }),
    });
  }, 120_000);

  it('resolves blob URL tasks to V4 URLs signed by signBlob, or proxies them with ranges', async () => {
    const project = await newProject(IMAGE_CONFIG);
    const created = await http()
      .post('/api/storages/gcswif')
      .set(owner.headers)
      .send(fields({ project, prefix: 'images', use_blob_urls: true, regex_filter: '.*\\.png$' }))
      .expect(201);
    const path = `/api/storages/gcswif/${created.body.id}`;
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path)).toMatchObject({ last_sync_count: 1 });
    const [stored] = await tasksOf(project, { resolve_uri: false });
    expect(stored.data.image).toBe('gs://import-bucket/images/a.png');

    const [task] = await tasksOf(project);
    const resolveUrl = String(task.data.image);
    fixture.wif.reset();
    const redirect = await http().get(resolveUrl).set(owner.headers).expect(303);
    expect(fixture.wif.counts.signatures).toBe(1);
    const signed = new URL(redirect.headers.location);
    expect(signed.origin).toBe(fixture.gcs.endpoint);
    expect(signed.pathname).toBe('/import-bucket/images/a.png');
    expect(signed.searchParams.get('X-Goog-Credential')).toMatch(new RegExp(`^${WIF_ACCOUNT}/`));
    expect(signed.searchParams.get('X-Goog-Expires')).toBe('60');
    fixture.gcs.reset();
    const downloaded = await fetch(signed);
    expect(await downloaded.text()).toBe('png bytes');
    expect(fixture.gcs.counts).toMatchObject({ signed: 1, refused: 0 });
    await http().get(resolveUrl).set(stranger.headers).expect(404);

    await http().patch(path).set(owner.headers).send({ presign: false }).expect(200);
    await kit.expectProxiedWithRange(resolveUrl);
  });

  it('writes an annotation object on create and update, deletes it when allowed', async () => {
    const exported = () =>
      fixture.gcs.buckets.get('export-bucket') as Map<string, { body: Buffer }>;
    await kit.expectExportFlow({
      readObject: async (key) => JSON.parse(String(exported().get(key)?.body)),
      listKeys: async () => [...exported().keys()],
      shown: wifFields,
    });
  });

  it("answers 404 to another organization and 403 to an annotator's create and sync", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 'gcs' });
  });
});
