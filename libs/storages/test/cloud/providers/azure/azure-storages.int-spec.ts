import { DataSource } from 'typeorm';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { connectAzure } from '../../../../src/lib/cloud/providers/azure/azure-connect';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import { AZURITE_ACCOUNT, AzuriteServer, startAzurite } from '../../support/azurite-server';
import {
  IMAGE_CONFIG,
  keysOf,
  readJson,
  sentiment,
  startStorageApp,
  storageKit,
  TEXT_CONFIG,
  writeObjects,
} from '../../support/storage-suite';

/** Azure import and export storages over the API against azurite, the Azure Blob emulator. */
describe('Azure storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let server: AzuriteServer;
  let container: AzureConnection;
  let exported: AzureConnection;
  let textProject: number;
  let dataSource: DataSource;

  const azureFields = (extra: Record<string, unknown>) => ({
    container: 'import',
    account_name: AZURITE_ACCOUNT.name,
    account_key: AZURITE_ACCOUNT.key,
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 'azure', fields: azureFields, exportFields: { container: 'export' } },
  );
  const { http, newProject, tasksOf, countOf, syncOf } = kit;

  beforeAll(async () => {
    server = await startAzurite();
    const admin = new BlobServiceClient(
      server.endpoint.replace('{account}', AZURITE_ACCOUNT.name),
      new StorageSharedKeyCredential(AZURITE_ACCOUNT.name, AZURITE_ACCOUNT.key),
    );
    for (const name of ['import', 'export']) await admin.getContainerClient(name).create();
    ({ testApp, dataSource, owner, annotator, stranger } = await startStorageApp({
      AZURE_BLOB_ENDPOINT: server.endpoint,
    }));
    const options = { guard: null, requestTimeoutMs: 5000, endpoint: server.endpoint };
    container = connectAzure(azureFields({}), options);
    exported = connectAzure(azureFields({ container: 'export' }), options);
    await writeObjects(container, {
      'tasks/one.json': JSON.stringify({ text: 'one' }),
      'tasks/list.json': JSON.stringify([
        { text: 'two' },
        { data: { text: 'three' }, annotations: [{ result: [sentiment('Positive')] }] },
      ]),
      'tasks/lines.jsonl': `${JSON.stringify({ text: 'four' })}\n${JSON.stringify({ text: 'five' })}\n`,
      'tasks/broken.json': '{"text": ',
      'tasks/nested/deep.json': JSON.stringify({ text: 'deep' }),
      'images/a.png': 'png bytes',
      'images/b.jpg': 'jpg bytes',
      'images/readme.md': 'not an image',
    });
    textProject = await newProject(TEXT_CONFIG, 'Azure text');
  }, 60_000);

  afterAll(async () => {
    await container?.close();
    await exported?.close();
    await testApp?.close();
    await server?.stop();
  });

  it('offers the azure type for import and export', async () => {
    await kit.expectTypeListed('Microsoft Azure');
  });

  it('validates: a good account passes, a wrong key is a 400 with Azure words, nothing saved', async () => {
    await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, prefix: 'tasks' }))
      .expect(200);
    await http()
      .post('/api/storages/export/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, container: 'export' }))
      .expect(200);

    const wrongKey = Buffer.from('not the key of this account').toString('base64');
    const refused = await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, account_key: wrongKey }))
      .expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/not authorized|failed to authenticate/);
    expect(JSON.stringify(refused.body)).not.toContain(wrongKey);
    const created = await http()
      .post('/api/storages/azure')
      .set(owner.headers)
      .send(azureFields({ project: textProject, account_key: wrongKey }))
      .expect(400);
    expect(created.body.validation_errors).toEqual(refused.body.validation_errors);

    const noContainer = await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, container: 'no-such-container' }))
      .expect(400);
    expect(JSON.stringify(noContainer.body)).toContain('Container not found: no-such-container');
    const noPrefix = await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, prefix: 'nothing-here' }))
      .expect(400);
    expect(JSON.stringify(noPrefix.body)).toContain('azure-blob://import/nothing-here not found.');
    const noKey = await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send(azureFields({ project: textProject, account_key: null }))
      .expect(400);
    expect(JSON.stringify(noKey.body)).toContain('Azure account name and key must be set');

    const listed = await http()
      .get('/api/storages/azure')
      .query({ project: textProject })
      .set(owner.headers)
      .expect(200);
    expect(listed.body).toEqual([]);
  });

  it('syncs JSON objects, lists and lines as tasks, errors kept, the key never shown', async () => {
    const created = await http()
      .post('/api/storages/azure')
      .set(owner.headers)
      .send(azureFields({ project: textProject, prefix: 'tasks', title: 'Tasks container' }))
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'azure',
      project: textProject,
      container: 'import',
      prefix: 'tasks',
      account_name: AZURITE_ACCOUNT.name,
      status: 'initialized',
      presign: true,
      presign_ttl: 1,
      recursive_scan: false,
      use_blob_urls: false,
    });
    expect(created.body).not.toHaveProperty('account_key');
    const id = Number(created.body.id);
    const [row] = await dataSource.query(`SELECT sealed_secrets FROM io_storage WHERE id = ${id}`);
    expect(String(row.sealed_secrets)).not.toContain(AZURITE_ACCOUNT.key);
    expect(String(row.sealed_secrets)).not.toContain(AZURITE_ACCOUNT.key.slice(0, 20));

    // Validate the stored storage, its key included, with a change on top of it.
    await http()
      .post('/api/storages/azure/validate')
      .set(owner.headers)
      .send({ id, prefix: 'images' })
      .expect(200);

    const path = `/api/storages/azure/${id}`;
    const synced = await syncOf(path);
    expect(synced.status).toBe('completed_with_errors');
    expect(synced.last_sync_count).toBe(5);
    expect(JSON.stringify(synced.meta.errors)).toContain('tasks/broken.json');
    const tasks = await tasksOf(textProject);
    expect(tasks.map((task) => task.data.text).sort()).toEqual(
      ['five', 'four', 'one', 'three', 'two'].sort(),
    );
    expect(tasks.find((task) => task.data.text === 'three')?.storage_filename).toBe(
      'tasks/list.json',
    );
    const links = await dataSource.query(
      `SELECT key, row_index FROM io_storage_import_link WHERE storage_id = ${id} ORDER BY key, row_index`,
    );
    expect(
      links.map((link: { key: string; row_index: number }) => `${link.key}#${link.row_index}`),
    ).toEqual([
      'tasks/lines.jsonl#0',
      'tasks/lines.jsonl#1',
      'tasks/list.json#0',
      'tasks/list.json#1',
      'tasks/one.json#-1',
    ]);
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${textProject}`),
    ).toBe(1);

    // Recursive: the nested object too, and nothing twice.
    await http()
      .patch(path)
      .set(owner.headers)
      .send({ recursive_scan: true, regex_filter: '.*\\.json$' })
      .expect(200);
    expect((await syncOf(path)).last_sync_count).toBe(1);
    expect((await tasksOf(textProject)).map((task) => task.data.text)).toContain('deep');
    expect(await tasksOf(textProject)).toHaveLength(6);
  });

  it('syncs 1,000 blobs, then only the 10 added', async () => {
    await kit.expectBulkResync({
      put: (key, body) => container.write(key, body, 'application/json'),
    });
  }, 120_000);

  it('makes one task per blob with use_blob_urls, resolved to a SAS URL or proxied', async () => {
    const project = await newProject(IMAGE_CONFIG, 'Azure images');
    const created = await http()
      .post('/api/storages/azure')
      .set(owner.headers)
      .send(
        azureFields({
          project,
          prefix: 'images',
          use_blob_urls: true,
          regex_filter: 'images/.*\\.(png|jpe?g)',
          presign_ttl: 2,
        }),
      )
      .expect(201);
    const path = `/api/storages/azure/${created.body.id}`;
    expect(await syncOf(path)).toMatchObject({ status: 'completed', last_sync_count: 2 });
    const stored = (await tasksOf(project, { resolve_uri: false })).map((task) => task.data.image);
    expect(stored.sort()).toEqual([
      'azure-blob://import/images/a.png',
      'azure-blob://import/images/b.jpg',
    ]);

    const encoded = Buffer.from('azure-blob://import/images/a.png').toString('base64url');
    const task = (await tasksOf(project)).find((one) => String(one.data.image).includes(encoded));
    const resolveUrl = String(task?.data.image);
    expect(resolveUrl).toBe(`/tasks/${task?.id}/resolve/?fileuri=${encoded}`);
    const redirect = await http().get(resolveUrl).set(owner.headers).expect(303);
    expect(redirect.headers['cache-control']).toBe('max-age=120');
    const sas = new URL(redirect.headers.location);
    expect(sas.pathname).toBe(`/${AZURITE_ACCOUNT.name}/import/images/a.png`);
    expect(sas.searchParams.get('sp')).toBe('r');
    const downloaded = await fetch(sas);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toBe('png bytes');
    await http().get(resolveUrl).set(stranger.headers).expect(404);
    const otherUri = Buffer.from('azure-blob://other/images/a.png').toString('base64url');
    await http()
      .get(`/tasks/${task?.id}/resolve/?fileuri=${otherUri}`)
      .set(owner.headers)
      .expect(404);

    // Without presigning, the bytes through the server, a range of them too.
    await http().patch(path).set(owner.headers).send({ presign: false }).expect(200);
    await kit.expectProxiedWithRange(resolveUrl);
  });

  it('writes annotations to an export storage on create and on update, deletes them when allowed', async () => {
    await kit.expectExportFlow({
      readObject: (key) => readJson(exported, key),
      listKeys: () => keysOf(exported),
      // The annotation imported with task "three", written as the storage is created.
      project: { id: textProject, annotated: 1 },
      shown: { container: 'export' },
      hidden: ['account_key'],
    });
  });

  it("answers 404 for another organization's storages, 403 to an annotator's writes", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 's3' });
  });
});
