import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import { connectAzureSpi } from '../../../../src/lib/cloud/providers/azure/azure-spi-connect';
import { AZURITE_ACCOUNT } from '../../support/azurite-server';
import { eventually, STORAGE_TEST_MODULES, waitForSync } from '../../support/storage-api';
import { OTHER_APPS, SPI_APP, SpiWorld, startSpiWorld } from './azure-spi-fixture';

const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices></View>`;

const VALIDATE = '/api/storages/azure_spi/validate';

const sentiment = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

/**
 * `azure_spi` import and export storages over the API: azurite over HTTPS taking bearer tokens,
 * handed out by an Entra ID responder (`AZURE_AUTHORITY_HOST`), both trusted through
 * `STORAGE_CA_FILE`.
 */
describe('Azure service principal storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let world: SpiWorld;
  let container: AzureConnection;
  let exported: AzureConnection;
  let textProject: number;
  let dataSource: DataSource;

  const http = () => testApp.http();
  // Requests of an account (the owner unless said).
  const get = (path: string, account = owner) => http().get(path).set(account.headers);
  const post = (path: string, body: object, account = owner) =>
    http().post(path).set(account.headers).send(body);
  const patch = (path: string, body: object, account = owner) =>
    http().patch(path).set(account.headers).send(body);
  const del = (path: string, account = owner) => http().delete(path).set(account.headers);
  const spiFields = (extra: Record<string, unknown>) => ({
    container: 'import',
    account_name: AZURITE_ACCOUNT.name,
    tenant_id: SPI_APP.tenantId,
    client_id: SPI_APP.clientId,
    client_secret: SPI_APP.clientSecret,
    ...extra,
  });
  const newProject = async (title: string, labelConfig: string) =>
    (await post('/api/projects/', { title, label_config: labelConfig }).expect(201)).body
      .id as number;
  const tasksOf = async (project: number, extra: Record<string, unknown> = {}) =>
    (
      await get('/api/tasks/')
        .query({ project, fields: 'all', page_size: 100, ...extra })
        .expect(200)
    ).body.tasks as { id: number; data: Record<string, unknown>; storage_filename: string }[];
  const countOf = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  const syncOf = async (path: string) => {
    await post(`${path}/sync`, {}).expect(200);
    return waitForSync(http, owner, path, 60_000);
  };

  beforeAll(async () => {
    world = await startSpiWorld();
    await world.createContainers('import', 'export');
    testApp = await createAuthTestApp({
      imports: STORAGE_TEST_MODULES,
      env: {
        AZURE_BLOB_ENDPOINT: world.azurite.endpoint,
        AZURE_AUTHORITY_HOST: world.entra.authorityHost,
        STORAGE_CA_FILE: world.tls.caFile,
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
    const options = {
      guard: null,
      requestTimeoutMs: 5000,
      endpoint: world.azurite.endpoint,
      extraCa: world.tls.ca,
      authorityHost: world.entra.authorityHost,
    };
    container = connectAzureSpi(spiFields({}), options);
    exported = connectAzureSpi(spiFields({ container: 'export' }), options);
    const objects: Record<string, string> = {
      'tasks/one.json': JSON.stringify({ text: 'one' }),
      'tasks/list.json': JSON.stringify([
        { text: 'two' },
        { data: { text: 'three' }, annotations: [{ result: [sentiment('Positive')] }] },
      ]),
      'tasks/broken.json': '{"text": ',
      'images/a.png': 'png bytes',
      'images/b.jpg': 'jpg bytes',
      'images/readme.md': 'not an image',
    };
    for (const [key, body] of Object.entries(objects)) {
      await container.write(key, body, 'application/octet-stream');
    }
    textProject = await newProject('Azure SPI text', TEXT_CONFIG);
  }, 60_000);

  afterAll(async () => {
    await container?.close();
    await exported?.close();
    await testApp?.close();
    await world?.stop();
  });

  it('offers the azure_spi type for import and export', async () => {
    for (const path of ['/api/storages/types', '/api/storages/export/types']) {
      const types = (await get(path).expect(200)).body;
      expect(types).toContainEqual({
        name: 'azure_spi',
        title: 'Azure Blob Storage with Service Principal',
      });
    }
  });

  it('validates: a good principal passes, a wrong secret is a 400 with Entra words, nothing saved', async () => {
    // A principal no connection has signed in as yet.
    const principal = {
      client_id: OTHER_APPS[1].clientId,
      client_secret: OTHER_APPS[1].clientSecret,
    };
    world.entra.reset();
    await post(VALIDATE, spiFields({ project: textProject, prefix: 'tasks', ...principal })).expect(
      200,
    );
    await post(
      '/api/storages/export/azure_spi/validate',
      spiFields({ project: textProject, container: 'export', ...principal }),
    ).expect(200);
    // The server asked AZURE_AUTHORITY_HOST (trusted through STORAGE_CA_FILE), once for both.
    expect(world.entra.counts).toMatchObject({ tokens: 1, refused: 0 });
    expect(world.entra.secretsSeen).toEqual([OTHER_APPS[1].clientSecret]);

    const wrongSecret = 'Wrong~client-secret-9876543210';
    const refused = await post(
      VALIDATE,
      spiFields({ project: textProject, client_secret: wrongSecret }),
    ).expect(400);
    expect(refused.body.validation_errors).toEqual({
      non_field_errors: [
        expect.stringMatching(
          /^Microsoft Entra ID refused the service principal: AADSTS7000215: Invalid client secret provided\./,
        ),
      ],
    });
    expect(JSON.stringify(refused.body)).not.toContain(wrongSecret);
    const created = await post(
      '/api/storages/azure_spi',
      spiFields({ project: textProject, client_secret: wrongSecret }),
    ).expect(400);
    expect(created.body.validation_errors).toEqual(refused.body.validation_errors);

    const refusalOf = async (changes: Record<string, unknown>) =>
      JSON.stringify(
        (await post(VALIDATE, spiFields({ project: textProject, ...changes })).expect(400)).body,
      );
    expect(await refusalOf({ container: 'no-such-container' })).toContain(
      'Container not found: no-such-container',
    );
    expect(await refusalOf({ prefix: 'nothing-here' })).toContain(
      'azure-blob://import/nothing-here not found.',
    );
    expect(await refusalOf({ client_secret: null })).toContain(
      'Azure account name, tenant ID, client ID and client secret must be set',
    );

    expect((await get(`/api/storages/azure_spi?project=${textProject}`).expect(200)).body).toEqual(
      [],
    );
    expect(await countOf(`SELECT COUNT(*) AS n FROM io_storage WHERE type = 'azure_spi'`)).toBe(0);
  });

  it('syncs JSON blobs as tasks; the client secret is never shown and sealed at rest', async () => {
    const created = await post(
      '/api/storages/azure_spi',
      spiFields({
        project: textProject,
        prefix: 'tasks',
        title: 'SPI tasks',
        user_delegation_key: 'sent by a client',
      }),
    ).expect(201);
    expect(created.body).toMatchObject({
      type: 'azure_spi',
      project: textProject,
      container: 'import',
      prefix: 'tasks',
      account_name: AZURITE_ACCOUNT.name,
      tenant_id: SPI_APP.tenantId,
      client_id: SPI_APP.clientId,
      status: 'initialized',
      presign: true,
      presign_ttl: 1,
      recursive_scan: false,
      use_blob_urls: false,
    });
    expect(created.body).not.toHaveProperty('client_secret');
    expect(created.body).not.toHaveProperty('user_delegation_key');
    const id = Number(created.body.id);
    const path = `/api/storages/azure_spi/${id}`;
    const [row] = await dataSource.query(
      `SELECT settings, sealed_secrets FROM io_storage WHERE id = ${id}`,
    );
    expect(String(row.settings)).not.toContain(SPI_APP.clientSecret);
    expect(String(row.settings)).not.toContain('sent by a client');
    expect(String(row.sealed_secrets)).not.toContain(SPI_APP.clientSecret);
    expect(String(row.sealed_secrets)).not.toContain(SPI_APP.clientSecret.slice(0, 12));
    const again = await get(path).expect(200);
    expect(again.body).not.toHaveProperty('client_secret');
    const listed = await get(`/api/storages/?project=${textProject}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(SPI_APP.clientSecret);

    // Validating the stored storage uses its sealed secret.
    await post(VALIDATE, { id, prefix: 'images' }).expect(200);

    const synced = await syncOf(path);
    expect(synced.status).toBe('completed_with_errors');
    expect(synced.last_sync_count).toBe(3);
    expect(JSON.stringify(synced.meta.errors)).toContain('tasks/broken.json');
    expect((await tasksOf(textProject)).map((task) => task.data.text).sort()).toEqual([
      'one',
      'three',
      'two',
    ]);
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${textProject}`),
    ).toBe(1);
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
    const project = await newProject('Azure SPI bulk', TEXT_CONFIG);
    // A principal of its own, so that its token requests can be counted.
    const principal = {
      client_id: OTHER_APPS[0].clientId,
      client_secret: OTHER_APPS[0].clientSecret,
    };
    world.entra.reset();
    const created = await post(
      '/api/storages/azure_spi',
      spiFields({ project, prefix: 'bulk', ...principal }),
    ).expect(201);
    const path = `/api/storages/azure_spi/${created.body.id}`;
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
    expect(await syncOf(path)).toMatchObject({ status: 'completed', last_sync_count: 10 });
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
    expect((await syncOf(path)).last_sync_count).toBe(0);
    // One token for the validations, the three syncs and their 1,010 reads.
    expect(world.entra.counts).toMatchObject({ tokens: 1, refused: 0 });
  }, 120_000);

  it('makes one task per blob with use_blob_urls, resolved to a delegation SAS URL or proxied', async () => {
    const project = await newProject('Azure SPI images', IMAGE_CONFIG);
    const created = await post(
      '/api/storages/azure_spi',
      spiFields({
        project,
        prefix: 'images',
        use_blob_urls: true,
        regex_filter: 'images/.*\\.(png|jpe?g)',
        presign_ttl: 2,
      }),
    ).expect(201);
    const path = `/api/storages/azure_spi/${created.body.id}`;
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
    const redirect = await get(resolveUrl).expect(303);
    expect(redirect.headers['cache-control']).toBe('max-age=120');
    const sas = new URL(redirect.headers.location);
    expect(sas.pathname).toBe(`/${AZURITE_ACCOUNT.name}/import/images/a.png`);
    expect(sas.searchParams.get('sp')).toBe('r');
    expect(sas.searchParams.get('skoid')).toBe(SPI_APP.objectId);
    const downloaded = await world.request(sas.href);
    expect(downloaded.status).toBe(200);
    expect(downloaded.body.toString()).toBe('png bytes');
    // The delegation key is the server's: the storage never shows it.
    const shown = await get(path).expect(200);
    expect(shown.body).not.toHaveProperty('user_delegation_key');
    await get(resolveUrl, stranger).expect(404);

    await patch(path, { presign: false }).expect(200);
    const proxied = await get(resolveUrl).buffer(true).expect(200);
    expect(proxied.body.toString()).toBe('png bytes');
    const part = await get(resolveUrl).set('Range', 'bytes=4-8').buffer(true).expect(206);
    expect(part.body.toString()).toBe('bytes');
    expect(part.headers['content-range']).toBe('bytes 4-8/9');
  });

  it('writes annotations to an export storage on create and on update, deletes them when allowed', async () => {
    const created = await post(
      '/api/storages/export/azure_spi',
      spiFields({
        project: textProject,
        container: 'export',
        prefix: 'out',
        can_delete_objects: true,
      }),
    ).expect(201);
    expect(created.body).toMatchObject({
      type: 'azure_spi',
      container: 'export',
      can_delete_objects: true,
    });
    expect(created.body).not.toHaveProperty('client_secret');
    const path = `/api/storages/export/azure_spi/${created.body.id}`;
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
      await post(`/api/tasks/${task?.id}/annotations/`, { result: [sentiment('Negative')] }).expect(
        201,
      )
    ).body;
    const key = `out/${annotation.id}`;
    await eventually(async () => expect(await keys()).toContain(key));
    expect(await readJson(key)).toMatchObject({
      id: annotation.id,
      result: [sentiment('Negative')],
      task: { id: task?.id, data: { text: 'one' } },
    });

    await patch(`/api/annotations/${annotation.id}/`, { result: [sentiment('Positive')] }).expect(
      200,
    );
    await eventually(async () =>
      expect((await readJson(key)).result).toEqual([sentiment('Positive')]),
    );

    await del(`/api/annotations/${annotation.id}/`).expect(204);
    await eventually(async () => expect(await keys()).not.toContain(key));
    expect(await keys()).toHaveLength(1);
  });

  it("answers 404 for another organization's storages, 403 to an annotator's writes", async () => {
    const [storage] = (await get(`/api/storages/azure_spi?project=${textProject}`).expect(200))
      .body;
    const path = `/api/storages/azure_spi/${storage.id}`;
    await get(path, stranger).expect(404);
    await patch(path, { title: 'mine' }, stranger).expect(404);
    await post(`${path}/sync`, {}, stranger).expect(404);
    await del(path, stranger).expect(404);
    await post(VALIDATE, { id: storage.id }, stranger).expect(404);

    await patch(`/api/projects/${textProject}/`, { is_published: true }).expect(200);
    await post(`/api/projects/${textProject}/members/`, { user: annotator.userId }).expect(201);
    await post('/api/storages/azure_spi', spiFields({ project: textProject }), annotator).expect(
      403,
    );
    await post(
      '/api/storages/export/azure_spi',
      spiFields({ project: textProject, container: 'export' }),
      annotator,
    ).expect(403);
    await post(`${path}/sync`, {}, annotator).expect(403);

    // The azure route does not find it either; the owner still does, unchanged.
    await get(`/api/storages/azure/${storage.id}`).expect(404);
    const still = await get(path).expect(200);
    expect(still.body.title).not.toBe('mine');
    expect(
      await countOf(
        `SELECT COUNT(*) AS n FROM io_storage WHERE project_id = ${textProject} AND type = 'azure_spi'`,
      ),
    ).toBe(2);
  });
});
