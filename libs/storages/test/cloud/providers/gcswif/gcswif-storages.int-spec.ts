import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { eventually, STORAGE_TEST_MODULES, waitForSync } from '../../support/storage-api';
import { startWifFixture, WIF_ACCOUNT, wifFields, WifFixture } from './gcswif-fixture';

const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices></View>`;

const sentiment = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

/** `gcswif` import and export storages over the API, federated through the STS/IAM responders. */
describe('GCS WIF storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let fixture: WifFixture;
  let dataSource: DataSource;

  const http = () => testApp.http();
  const fields = (extra: Record<string, unknown>) => ({
    bucket: 'import-bucket',
    google_project_id: 'test-project',
    ...wifFields,
    ...extra,
  });
  const newProject = async (labelConfig: string) =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'GCS WIF', label_config: labelConfig })
        .expect(201)
    ).body.id as number;
  const tasksOf = async (project: number, query: Record<string, unknown> = {}) =>
    (
      await http()
        .get('/api/tasks/')
        .query({ project, fields: 'all', page_size: 100, ...query })
        .set(owner.headers)
        .expect(200)
    ).body.tasks as { id: number; data: Record<string, unknown>; storage_filename: string }[];
  const countTasks = async (project: number) =>
    Number(
      (await dataSource.query(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${project}`))[0].n,
    );

  beforeAll(async () => {
    fixture = await startWifFixture(['import-bucket', 'export-bucket']);
    testApp = await createAuthTestApp({
      imports: STORAGE_TEST_MODULES,
      env: {
        SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
        SYNC_ON_TARGET_STORAGE_CREATION: 'true',
        GCS_API_ENDPOINT: fixture.gcs.endpoint,
        GCS_WIF_SUBJECT_TOKEN_FILE: fixture.tokenFile,
        GCS_STS_ENDPOINT: fixture.wif.stsEndpoint,
        GCS_IAM_CREDENTIALS_ENDPOINT: fixture.wif.iamEndpoint,
      },
    });
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
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
    for (const path of ['/api/storages/types', '/api/storages/export/types']) {
      const types = (await http().get(path).set(owner.headers).expect(200)).body;
      expect(types).toContainEqual({ name: 'gcswif', title: 'Google Cloud Storage (WIF Auth)' });
    }
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
    for (let n = 0; n < 1000; n++) {
      fixture.gcs.put('import-bucket', `bulk/${n}.json`, JSON.stringify({ text: `bulk ${n}` }));
    }
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/gcswif')
      .set(owner.headers)
      .send(fields({ project, prefix: 'bulk' }))
      .expect(201);
    const path = `/api/storages/gcswif/${created.body.id}`;
    fixture.wif.reset();
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path, 60_000)).toMatchObject({
      status: 'completed',
      last_sync_count: 1000,
    });
    expect(await countTasks(project)).toBe(1000);
    // The sync request's check and the sync itself: a connection each, one exchange each.
    expect(fixture.wif.counts.exchanges).toBeLessThanOrEqual(2);
    expect(fixture.wif.counts.impersonations).toBeLessThanOrEqual(2);

    for (let n = 1000; n < 1010; n++) {
      fixture.gcs.put('import-bucket', `bulk/${n}.json`, JSON.stringify({ text: `bulk ${n}` }));
    }
    fixture.gcs.reset();
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    const again = await waitForSync(http, owner, path, 60_000);
    expect(again).toMatchObject({ status: 'completed', last_sync_count: 10 });
    expect(again.meta.tasks_existed).toBe(1000);
    expect(fixture.gcs.counts).toMatchObject({ media: 10, refused: 0 });
    expect(await countTasks(project)).toBe(1010);
    const [{ n }] = await dataSource.query(
      `SELECT COUNT(DISTINCT key) AS n FROM io_storage_import_link WHERE storage_id = ${Number(created.body.id)}`,
    );
    expect(Number(n)).toBe(1010);
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
    const proxied = await http().get(resolveUrl).set(owner.headers).buffer(true).expect(200);
    expect(proxied.body.toString()).toBe('png bytes');
    const part = await http()
      .get(resolveUrl)
      .set(owner.headers)
      .set('Range', 'bytes=4-8')
      .buffer(true)
      .expect(206);
    expect(part.body.toString()).toBe('bytes');
    expect(part.headers['content-range']).toBe('bytes 4-8/9');
  });

  it('writes an annotation object on create and update, deletes it when allowed', async () => {
    const project = await newProject(TEXT_CONFIG);
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([{ text: 'to export' }])
      .expect(201);
    const [task] = await tasksOf(project);
    const created = await http()
      .post('/api/storages/export/gcswif')
      .set(owner.headers)
      .send(fields({ project, bucket: 'export-bucket', prefix: 'out', can_delete_objects: true }))
      .expect(201);
    expect(created.body).toMatchObject({ type: 'gcswif', can_delete_objects: true, ...wifFields });
    const exported = fixture.gcs.buckets.get('export-bucket') as Map<string, { body: Buffer }>;
    const objectOf = (key: string) => {
      const object = exported.get(key);
      return object ? JSON.parse(object.body.toString()) : undefined;
    };

    const annotation = (
      await http()
        .post(`/api/tasks/${task.id}/annotations/`)
        .set(owner.headers)
        .send({ result: [sentiment('Negative')] })
        .expect(201)
    ).body;
    const key = `out/${annotation.id}`;
    await eventually(async () =>
      expect(objectOf(key)).toMatchObject({
        id: annotation.id,
        result: [sentiment('Negative')],
        task: { id: task.id, data: { text: 'to export' } },
      }),
    );
    const [link] = await dataSource.query(
      `SELECT COUNT(*) AS n FROM io_storage_export_link WHERE storage_id = ${Number(created.body.id)}`,
    );
    expect(Number(link.n)).toBe(1);

    await http()
      .patch(`/api/annotations/${annotation.id}/`)
      .set(owner.headers)
      .send({ result: [sentiment('Positive')] })
      .expect(200);
    await eventually(async () => expect(objectOf(key)?.result).toEqual([sentiment('Positive')]));

    await http().delete(`/api/annotations/${annotation.id}/`).set(owner.headers).expect(204);
    await eventually(async () => expect(exported.has(key)).toBe(false));
  });

  it("answers 404 to another organization and 403 to an annotator's create and sync", async () => {
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/gcswif')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(201);
    const path = `/api/storages/gcswif/${created.body.id}`;
    await http().get(path).set(stranger.headers).expect(404);
    await http().patch(path).set(stranger.headers).send({ title: 'mine' }).expect(404);
    await http().post(`${path}/sync`).set(stranger.headers).expect(404);
    await http().delete(path).set(stranger.headers).expect(404);
    await http().get('/api/storages/gcswif').query({ project }).set(stranger.headers).expect(404);

    const annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    await http()
      .post(`/api/projects/${project}/members/`)
      .set(owner.headers)
      .send({ user: annotator.userId })
      .expect(201);
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ is_published: true })
      .expect(200);
    await http()
      .post('/api/storages/gcswif')
      .set(annotator.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(403);
    await http().post(`${path}/sync`).set(annotator.headers).expect(403);
    const [{ n }] = await dataSource.query(
      `SELECT COUNT(*) AS n FROM io_storage WHERE project_id = ${project}`,
    );
    expect(Number(n)).toBe(1);
    expect((await http().get(path).set(owner.headers).expect(200)).body.status).toBe('initialized');
  });
});
