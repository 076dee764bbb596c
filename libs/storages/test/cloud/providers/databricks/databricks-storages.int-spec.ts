import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { DatabricksResponder, startDatabricksResponder } from '../../support/databricks-responder';
import { eventually, STORAGE_TEST_MODULES, waitForSync } from '../../support/storage-api';

const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices></View>`;
const PAT = 'dapi-storage-test-token-42';
const SP = { clientId: 'sp-client', clientSecret: 'dose-sp-secret-api-test', tenantId: 'tenant-1' };
const IMPORT_ROOT = '/Volumes/main/raw/files';
const EXPORT_ROOT = '/Volumes/main/raw/export';

const sentiment = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

/** `databricks` import and export storages over the API, against the Files API responder. */
describe('Databricks storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let responder: DatabricksResponder;
  let dataSource: DataSource;

  const http = () => testApp.http();
  const fields = (extra: Record<string, unknown>) => ({
    host: responder.host,
    catalog: 'main',
    schema: 'raw',
    volume: 'files',
    token: PAT,
    ...extra,
  });
  const newProject = async (labelConfig: string) =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Databricks', label_config: labelConfig })
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
  const countOf = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  const syncOf = async (path: string) => {
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    return waitForSync(http, owner, path, 60_000);
  };

  beforeAll(async () => {
    responder = await startDatabricksResponder({
      volumes: ['main/raw/files', 'main/raw/export'],
      patTokens: [PAT],
      servicePrincipal: SP,
    });
    testApp = await createAuthTestApp({
      imports: STORAGE_TEST_MODULES,
      env: {
        SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
        SYNC_ON_TARGET_STORAGE_CREATION: 'true',
        STORAGE_CA_FILE: responder.tls.caFile,
        AZURE_AUTHORITY_HOST: responder.host,
      },
    });
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    responder.put(`${IMPORT_ROOT}/tasks/one.json`, JSON.stringify({ text: 'one' }));
    responder.put(
      `${IMPORT_ROOT}/tasks/deeper/list.json`,
      JSON.stringify([{ text: 'two' }, { data: { text: 'three' } }]),
    );
    responder.put(`${IMPORT_ROOT}/images/a.png`, 'png bytes');
    responder.put(`${IMPORT_ROOT}/images/b.txt`, 'not an image');
  });

  afterAll(async () => {
    await testApp?.close();
    await responder?.stop();
  });

  it('is listed as a type, import and export', async () => {
    for (const path of ['/api/storages/types', '/api/storages/export/types']) {
      const types = (await http().get(path).set(owner.headers).expect(200)).body;
      expect(types).toContainEqual({ name: 'databricks', title: 'Databricks Files (UC Volumes)' });
    }
  });

  it('validates: good settings, then bad ones (400 with the message), nothing saved', async () => {
    const project = await newProject(TEXT_CONFIG);
    await http()
      .post('/api/storages/databricks/validate')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(200);
    const problems: [Record<string, unknown>, string][] = [
      [{ token: 'dapi-wrong' }, 'Databricks authentication failed (401)'],
      [{ volume: 'gone' }, 'Databricks volume not found: /Volumes/main/raw/gone'],
      [{ prefix: 'nothing' }, 'Prefix not found in the Databricks volume'],
      [{ host: 'http://127.0.0.1:1' }, 'give the workspace base URL (https://...)'],
      [{ auth_type: 'dbx_sp', client_id: SP.clientId }, 'client_secret are required'],
      [{ volume: '..' }, 'Invalid volume name'],
    ];
    for (const [extra, message] of problems) {
      const refused = await http()
        .post('/api/storages/databricks/validate')
        .set(owner.headers)
        .send(fields({ project, ...extra }))
        .expect(400);
      expect(JSON.stringify(refused.body)).toContain(message);
      expect(JSON.stringify(refused.body)).not.toContain('dapi-wrong');
    }
    await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send({ project, catalog: 'main', schema: 'raw', volume: 'files', token: PAT })
      .expect(400);
    await http()
      .post('/api/storages/export/databricks/validate')
      .set(owner.headers)
      .send(fields({ project, volume: 'export', prefix: 'not/made/yet' }))
      .expect(200);
    await http()
      .post('/api/storages/databricks/validate')
      .set(owner.headers)
      .send(
        fields({
          project,
          auth_type: 'azure_ad_sp',
          token: undefined,
          client_id: SP.clientId,
          client_secret: SP.clientSecret,
          tenant_id: SP.tenantId,
        }),
      )
      .expect(200);
    expect(responder.counts.entraTokens).toBeGreaterThanOrEqual(1);
    const listed = await http()
      .get('/api/storages/databricks')
      .query({ project })
      .set(owner.headers)
      .expect(200);
    expect(listed.body).toEqual([]);
  });

  it('syncs JSON files as tasks (recursive); the secrets are sealed and never returned', async () => {
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks', recursive_scan: true, title: 'UC tasks' }))
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'databricks',
      project,
      host: responder.host,
      catalog: 'main',
      schema: 'raw',
      volume: 'files',
      prefix: 'tasks',
      auth_type: 'pat',
      verify_tls: true,
      request_timeout_s: 30,
      stream_chunk_bytes: 1048576,
      presign: false,
      recursive_scan: true,
      use_blob_urls: false,
      status: 'initialized',
    });
    expect(created.body).not.toHaveProperty('token');
    const [row] = await dataSource.query(
      `SELECT settings, sealed_secrets FROM io_storage WHERE id = ${Number(created.body.id)}`,
    );
    expect(String(row.settings)).not.toContain(PAT);
    expect(String(row.sealed_secrets)).not.toContain(PAT);
    expect(String(row.sealed_secrets)).not.toBe('null');

    const path = `/api/storages/databricks/${created.body.id}`;
    expect(await syncOf(path)).toMatchObject({ status: 'completed', last_sync_count: 3 });
    const tasks = await tasksOf(project);
    expect(tasks.map((task) => task.data.text).sort()).toEqual(['one', 'three', 'two']);
    expect(tasks.find((task) => task.data.text === 'three')?.storage_filename).toBe(
      'tasks/deeper/list.json',
    );

    const sp = await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send(
        fields({
          project,
          prefix: 'tasks',
          token: undefined,
          auth_type: 'dbx_sp',
          client_id: SP.clientId,
          client_secret: SP.clientSecret,
        }),
      )
      .expect(201);
    expect(sp.body).toMatchObject({ auth_type: 'dbx_sp', client_id: SP.clientId });
    expect(sp.body).not.toHaveProperty('client_secret');
    const [spRow] = await dataSource.query(
      `SELECT settings, sealed_secrets FROM io_storage WHERE id = ${Number(sp.body.id)}`,
    );
    expect(String(spRow.settings) + String(spRow.sealed_secrets)).not.toContain(SP.clientSecret);
    const patched = await http()
      .patch(`/api/storages/databricks/${sp.body.id}`)
      .set(owner.headers)
      .send({ title: 'renamed' })
      .expect(200);
    expect(patched.body).not.toHaveProperty('client_secret');
  });

  it('syncs 1,000 files, then exactly the 10 added on a re-sync', async () => {
    for (let n = 0; n < 1000; n++) {
      responder.put(`${IMPORT_ROOT}/bulk/${n}.json`, JSON.stringify({ text: `bulk ${n}` }));
    }
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send(fields({ project, prefix: 'bulk' }))
      .expect(201);
    const path = `/api/storages/databricks/${created.body.id}`;
    expect(await syncOf(path)).toMatchObject({ status: 'completed', last_sync_count: 1000 });
    expect(await countOf(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${project}`)).toBe(
      1000,
    );

    for (let n = 1000; n < 1010; n++) {
      responder.put(`${IMPORT_ROOT}/bulk/${n}.json`, JSON.stringify({ text: `bulk ${n}` }));
    }
    responder.reset();
    const again = await syncOf(path);
    expect(again).toMatchObject({ status: 'completed', last_sync_count: 10 });
    expect(again.meta.tasks_existed).toBe(1000);
    expect(responder.counts.downloads).toBe(10);
    expect(await countOf(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${project}`)).toBe(
      1010,
    );
    expect(
      await countOf(
        `SELECT COUNT(DISTINCT key) AS n FROM io_storage_import_link WHERE storage_id = ${Number(created.body.id)}`,
      ),
    ).toBe(1010);
  }, 120_000);

  it('makes blob URL tasks whose files are proxied by the server, ranges too', async () => {
    const project = await newProject(IMAGE_CONFIG);
    const created = await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send(fields({ project, prefix: 'images', use_blob_urls: true, regex_filter: '.*\\.png$' }))
      .expect(201);
    const path = `/api/storages/databricks/${created.body.id}`;
    expect(await syncOf(path)).toMatchObject({ last_sync_count: 1 });
    const [stored] = await tasksOf(project, { resolve_uri: false });
    expect(stored.data.image).toBe(`dbfs:${IMPORT_ROOT}/images/a.png`);

    const [task] = await tasksOf(project);
    const resolveUrl = String(task.data.image);
    expect(resolveUrl).toMatch(new RegExp(`^/tasks/${task.id}/resolve/\\?fileuri=`));
    responder.reset();
    const proxied = await http().get(resolveUrl).set(owner.headers).buffer(true).expect(200);
    expect(proxied.body.toString()).toBe('png bytes');
    expect(proxied.headers['content-length']).toBe('9');
    const part = await http()
      .get(resolveUrl)
      .set(owner.headers)
      .set('Range', 'bytes=4-8')
      .buffer(true)
      .expect(206);
    expect(part.body.toString()).toBe('bytes');
    expect(part.headers['content-range']).toBe('bytes 4-8/9');
    expect(responder.counts.downloads).toBe(2);
    expect(responder.requests.filter((line) => line.startsWith('GET /api/2.0/fs/files'))).toEqual([
      'GET /api/2.0/fs/files/Volumes/main/raw/files/images/a.png',
      'GET /api/2.0/fs/files/Volumes/main/raw/files/images/a.png',
    ]);
    await http().get(resolveUrl).set(stranger.headers).expect(404);

    // A file of many chunks (`stream_chunk_bytes` is 4 KiB here) arrives whole.
    const big = Buffer.from(Array.from({ length: 100_000 }, (_, n) => n % 251));
    responder.put(`${IMPORT_ROOT}/images/big.png`, big);
    await http().patch(path).set(owner.headers).send({ stream_chunk_bytes: 4096 }).expect(200);
    const bigUrl = `/tasks/${task.id}/resolve/?fileuri=${Buffer.from(`dbfs:${IMPORT_ROOT}/images/big.png`).toString('base64url')}`;
    const whole = await http().get(bigUrl).set(owner.headers).buffer(true).expect(200);
    expect(Buffer.compare(whole.body as Buffer, big)).toBe(0);
    const middle = await http()
      .get(bigUrl)
      .set(owner.headers)
      .set('Range', 'bytes=5000-69999')
      .buffer(true)
      .expect(206);
    expect(Buffer.compare(middle.body as Buffer, big.subarray(5000, 70000))).toBe(0);

    // `presign` is kept for compatibility only: Databricks files are always proxied.
    await http().patch(path).set(owner.headers).send({ presign: true }).expect(200);
    await http().get(resolveUrl).set(owner.headers).buffer(true).expect(200);
  });

  it('writes an annotation file on create and update, deletes it when allowed', async () => {
    const project = await newProject(TEXT_CONFIG);
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([{ text: 'to export' }])
      .expect(201);
    const [task] = await tasksOf(project);
    const created = await http()
      .post('/api/storages/export/databricks')
      .set(owner.headers)
      .send(fields({ project, volume: 'export', prefix: 'out', can_delete_objects: true }))
      .expect(201);
    expect(created.body).toMatchObject({ type: 'databricks', can_delete_objects: true });
    expect(created.body).not.toHaveProperty('token');
    expect(created.body).not.toHaveProperty('presign');
    const objectOf = (key: string) => {
      const file = responder.files.get(`${EXPORT_ROOT}/${key}`);
      return file ? JSON.parse(file.body.toString()) : undefined;
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
        completed_by: { id: owner.userId, email: owner.email },
      }),
    );
    expect(
      await countOf(
        `SELECT COUNT(*) AS n FROM io_storage_export_link WHERE storage_id = ${Number(created.body.id)}`,
      ),
    ).toBe(1);

    await http()
      .patch(`/api/annotations/${annotation.id}/`)
      .set(owner.headers)
      .send({ result: [sentiment('Positive')] })
      .expect(200);
    await eventually(async () => expect(objectOf(key)?.result).toEqual([sentiment('Positive')]));

    await http().delete(`/api/annotations/${annotation.id}/`).set(owner.headers).expect(204);
    await eventually(async () => expect(responder.files.has(`${EXPORT_ROOT}/${key}`)).toBe(false));
  });

  it("answers 404 to another organization and 403 to an annotator's create and sync", async () => {
    const project = await newProject(TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/databricks')
      .set(owner.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(201);
    const path = `/api/storages/databricks/${created.body.id}`;
    await http().get(path).set(stranger.headers).expect(404);
    await http().patch(path).set(stranger.headers).send({ title: 'mine' }).expect(404);
    await http().post(`${path}/sync`).set(stranger.headers).expect(404);
    await http().delete(path).set(stranger.headers).expect(404);
    await http()
      .get('/api/storages/databricks')
      .query({ project })
      .set(stranger.headers)
      .expect(404);
    await http()
      .post('/api/storages/databricks/validate')
      .set(stranger.headers)
      .send({ id: created.body.id })
      .expect(404);

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
      .post('/api/storages/databricks')
      .set(annotator.headers)
      .send(fields({ project, prefix: 'tasks' }))
      .expect(403);
    await http().post(`${path}/sync`).set(annotator.headers).expect(403);
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM io_storage WHERE project_id = ${project}`),
    ).toBe(1);
    expect((await http().get(path).set(owner.headers).expect(200)).body.status).toBe('initialized');
  });
});
