import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { DatabricksResponder, startDatabricksResponder } from '../../support/databricks-responder';
import {
  IMAGE_CONFIG,
  startStorageApp,
  storageKit,
  TEXT_CONFIG,
} from '../../support/storage-suite';

const PAT = 'dapi-storage-test-token-42';
const SP = { clientId: 'sp-client', clientSecret: 'dose-sp-secret-api-test', tenantId: 'tenant-1' };
const IMPORT_ROOT = '/Volumes/main/raw/files';
const EXPORT_ROOT = '/Volumes/main/raw/export';

/** `databricks` import and export storages over the API, against the Files API responder. */
describe('Databricks storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let responder: DatabricksResponder;
  let dataSource: DataSource;

  const fields = (extra: Record<string, unknown>) => ({
    host: responder.host,
    catalog: 'main',
    schema: 'raw',
    volume: 'files',
    token: PAT,
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 'databricks', fields: fields, exportFields: { volume: 'export' } },
  );
  const { http, newProject, tasksOf, syncOf } = kit;

  beforeAll(async () => {
    responder = await startDatabricksResponder({
      volumes: ['main/raw/files', 'main/raw/export'],
      patTokens: [PAT],
      servicePrincipal: SP,
    });
    ({ testApp, dataSource, owner, annotator, stranger } = await startStorageApp({
      STORAGE_CA_FILE: responder.tls.caFile,
      AZURE_AUTHORITY_HOST: responder.host,
    }));
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
    await kit.expectTypeListed('Databricks Files (UC Volumes)');
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
    await kit.expectBulkResync({
      put: (key, body) => responder.put(`${IMPORT_ROOT}/${key}`, body),
      beforeResync: () => responder.reset(),
      resynced: () => expect(responder.counts.downloads).toBe(10),
    });
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
    const proxied = await kit.expectProxiedWithRange(resolveUrl);
    expect(proxied.headers['content-length']).toBe('9');
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
    const root = `${EXPORT_ROOT}/`;
    await kit.expectExportFlow({
      readObject: async (key) => JSON.parse(String(responder.files.get(root + key)?.body)),
      listKeys: async () =>
        [...responder.files.keys()]
          .filter((path) => path.startsWith(root))
          .map((path) => path.slice(root.length)),
      hidden: ['token', 'presign'],
    });
  });

  it("answers 404 to another organization and 403 to an annotator's create and sync", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 's3' });
  });
});
