import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { connectAzure } from '../../../../src/lib/cloud/providers/azure/azure-connect';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import { AZURITE_ACCOUNT, AzuriteServer, startAzurite } from '../../support/azurite-server';
import { eventually, STORAGE_TEST_MODULES, waitForSync } from '../../support/storage-api';

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

  const http = () => testApp.http();
  const azureFields = (extra: Record<string, unknown>) => ({
    container: 'import',
    account_name: AZURITE_ACCOUNT.name,
    account_key: AZURITE_ACCOUNT.key,
    ...extra,
  });
  const newProject = async (title: string, labelConfig: string) =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title, label_config: labelConfig })
        .expect(201)
    ).body.id as number;
  const tasksOf = async (project: number, extra: Record<string, unknown> = {}) =>
    (
      await http()
        .get('/api/tasks/')
        .query({ project, fields: 'all', page_size: 100, ...extra })
        .set(owner.headers)
        .expect(200)
    ).body.tasks as { id: number; data: Record<string, unknown>; storage_filename: string }[];
  const countOf = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  const syncOf = async (path: string) => {
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    return waitForSync(http, owner, path, 60_000);
  };

  beforeAll(async () => {
    server = await startAzurite();
    const admin = new BlobServiceClient(
      server.endpoint.replace('{account}', AZURITE_ACCOUNT.name),
      new StorageSharedKeyCredential(AZURITE_ACCOUNT.name, AZURITE_ACCOUNT.key),
    );
    for (const name of ['import', 'export']) await admin.getContainerClient(name).create();
    testApp = await createAuthTestApp({
      imports: STORAGE_TEST_MODULES,
      env: {
        AZURE_BLOB_ENDPOINT: server.endpoint,
        SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
        SYNC_ON_TARGET_STORAGE_CREATION: 'true',
      },
    });
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    stranger = await createAccount(testApp.app);
    const options = { guard: null, requestTimeoutMs: 5000, endpoint: server.endpoint };
    container = connectAzure(azureFields({}), options);
    exported = connectAzure(azureFields({ container: 'export' }), options);
    const objects: Record<string, string> = {
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
    };
    for (const [key, body] of Object.entries(objects)) {
      await container.write(key, body, 'application/octet-stream');
    }
    textProject = await newProject('Azure text', TEXT_CONFIG);
  }, 60_000);

  afterAll(async () => {
    await container?.close();
    await exported?.close();
    await testApp?.close();
    await server?.stop();
  });

  it('offers the azure type for import and export', async () => {
    for (const path of ['/api/storages/types', '/api/storages/export/types']) {
      const types = (await http().get(path).set(owner.headers).expect(200)).body;
      expect(types).toContainEqual({ name: 'azure', title: 'Microsoft Azure' });
    }
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
    const writes: Promise<void>[] = [];
    for (let n = 0; n < 1000; n++) {
      writes.push(
        container.write(
          `bulk/${n}.json`,
          JSON.stringify({ text: `bulk ${n}` }),
          'application/json',
        ),
      );
      if (writes.length === 50) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    const project = await newProject('Azure bulk', TEXT_CONFIG);
    const created = await http()
      .post('/api/storages/azure')
      .set(owner.headers)
      .send(azureFields({ project, prefix: 'bulk' }))
      .expect(201);
    const path = `/api/storages/azure/${created.body.id}`;
    expect(await syncOf(path)).toMatchObject({ status: 'completed', last_sync_count: 1000 });
    const tasksIn = `SELECT COUNT(*) AS n FROM task WHERE project_id = ${project}`;
    expect(await countOf(tasksIn)).toBe(1000);

    for (let n = 1000; n < 1010; n++) {
      await container.write(
        `bulk/${n}.json`,
        JSON.stringify({ text: `bulk ${n}` }),
        'application/json',
      );
    }
    const again = await syncOf(path);
    expect(again).toMatchObject({ status: 'completed', last_sync_count: 10 });
    expect(await countOf(tasksIn)).toBe(1010);
    expect(
      await countOf(
        `SELECT COUNT(DISTINCT storage_filename) AS n FROM task WHERE project_id = ${project}`,
      ),
    ).toBe(1010);
    expect(
      await countOf(
        `SELECT COUNT(*) AS n FROM io_storage_import_link WHERE storage_id = ${Number(created.body.id)}`,
      ),
    ).toBe(1010);
    // Unchanged container: nothing new.
    expect((await syncOf(path)).last_sync_count).toBe(0);
  }, 120_000);

  it('makes one task per blob with use_blob_urls, resolved to a SAS URL or proxied', async () => {
    const project = await newProject('Azure images', IMAGE_CONFIG);
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

  it('writes annotations to an export storage on create and on update, deletes them when allowed', async () => {
    const created = await http()
      .post('/api/storages/export/azure')
      .set(owner.headers)
      .send(
        azureFields({
          project: textProject,
          container: 'export',
          prefix: 'out',
          can_delete_objects: true,
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'azure',
      container: 'export',
      can_delete_objects: true,
    });
    expect(created.body).not.toHaveProperty('account_key');
    const path = `/api/storages/export/azure/${created.body.id}`;
    // The annotation imported with task "three", written as the storage is created.
    expect((await waitForSync(http, owner, path)).last_sync_count).toBe(1);
    const keys = async () => {
      const found: string[] = [];
      for await (const page of exported.list({ prefix: 'out', recursive: true })) {
        found.push(...page.map((object) => object.key));
      }
      return found;
    };
    expect(await keys()).toHaveLength(1);
    const readJson = async (key: string) =>
      JSON.parse((await buffer((await exported.read(key)).body)).toString());

    const task = (await tasksOf(textProject)).find((one) => one.data.text === 'one');
    const annotation = (
      await http()
        .post(`/api/tasks/${task?.id}/annotations/`)
        .set(owner.headers)
        .send({ result: [sentiment('Negative')] })
        .expect(201)
    ).body;
    const key = `out/${annotation.id}`;
    await eventually(async () => expect(await keys()).toContain(key));
    expect(await readJson(key)).toMatchObject({
      id: annotation.id,
      result: [sentiment('Negative')],
      task: { id: task?.id, data: { text: 'one' } },
      completed_by: { id: owner.userId, email: owner.email },
    });
    const links = `SELECT COUNT(*) AS n FROM io_storage_export_link WHERE storage_id = ${Number(created.body.id)}`;
    expect(await countOf(links)).toBe(2);

    await http()
      .patch(`/api/annotations/${annotation.id}/`)
      .set(owner.headers)
      .send({ result: [sentiment('Positive')] })
      .expect(200);
    await eventually(async () =>
      expect((await readJson(key)).result).toEqual([sentiment('Positive')]),
    );

    await http().delete(`/api/annotations/${annotation.id}/`).set(owner.headers).expect(204);
    await eventually(async () => expect(await keys()).not.toContain(key));
    expect(await keys()).toHaveLength(1);
  });

  it("answers 404 for another organization's storages, 403 to an annotator's writes", async () => {
    const [storage] = (
      await http()
        .get('/api/storages/azure')
        .query({ project: textProject })
        .set(owner.headers)
        .expect(200)
    ).body;
    const path = `/api/storages/azure/${storage.id}`;
    await http().get(path).set(stranger.headers).expect(404);
    await http().patch(path).set(stranger.headers).send({ title: 'mine' }).expect(404);
    await http().post(`${path}/sync`).set(stranger.headers).expect(404);
    await http().delete(path).set(stranger.headers).expect(404);
    await http()
      .get('/api/storages/azure')
      .query({ project: textProject })
      .set(stranger.headers)
      .expect(404);
    await http()
      .post('/api/storages/azure/validate')
      .set(stranger.headers)
      .send({ id: storage.id })
      .expect(404);
    await http()
      .post('/api/storages/azure')
      .set(stranger.headers)
      .send(azureFields({ project: textProject }))
      .expect(404);

    // A member of the published project, who sees it but may not manage its storages.
    await http()
      .patch(`/api/projects/${textProject}/`)
      .set(owner.headers)
      .send({ is_published: true })
      .expect(200);
    await http()
      .post(`/api/projects/${textProject}/members/`)
      .set(owner.headers)
      .send({ user: annotator.userId })
      .expect(201);
    await http()
      .post('/api/storages/azure')
      .set(annotator.headers)
      .send(azureFields({ project: textProject }))
      .expect(403);
    await http()
      .post('/api/storages/export/azure')
      .set(annotator.headers)
      .send(azureFields({ project: textProject, container: 'export' }))
      .expect(403);
    await http().post(`${path}/sync`).set(annotator.headers).expect(403);
    await http().patch(path).set(annotator.headers).send({ title: 'mine' }).expect(403);
    await http().delete(path).set(annotator.headers).expect(403);

    // Another type's route does not find it either; the owner still does.
    await http().get(`/api/storages/s3/${storage.id}`).set(owner.headers).expect(404);
    const still = await http().get(path).set(owner.headers).expect(200);
    expect(still.body.title).not.toBe('mine');
    expect(
      await countOf(
        `SELECT COUNT(*) AS n FROM io_storage WHERE project_id = ${textProject} AND type = 'azure'`,
      ),
    ).toBe(2);
  });
});
