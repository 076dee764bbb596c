import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import { connectAzureSpi } from '../../../../src/lib/cloud/providers/azure/azure-spi-connect';
import { AZURITE_ACCOUNT } from '../../support/azurite-server';
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
import { OTHER_APPS, SPI_APP, SpiWorld, startSpiWorld } from './azure-spi-fixture';

const VALIDATE = '/api/storages/azure_spi/validate';

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

  const spiFields = (extra: Record<string, unknown>) => ({
    container: 'import',
    account_name: AZURITE_ACCOUNT.name,
    tenant_id: SPI_APP.tenantId,
    client_id: SPI_APP.clientId,
    client_secret: SPI_APP.clientSecret,
    ...extra,
  });
  const kit = storageKit(
    () => testApp,
    () => owner,
    { type: 'azure_spi', fields: spiFields, exportFields: { container: 'export' } },
  );
  const { http, newProject, tasksOf, countOf, syncOf } = kit;
  // Requests of an account (the owner unless said).
  const get = (path: string, account = owner) => http().get(path).set(account.headers);
  const post = (path: string, body: object, account = owner) =>
    http().post(path).set(account.headers).send(body);
  const patch = (path: string, body: object, account = owner) =>
    http().patch(path).set(account.headers).send(body);

  beforeAll(async () => {
    world = await startSpiWorld();
    await world.createContainers('import', 'export');
    ({ testApp, dataSource, owner, annotator, stranger } = await startStorageApp({
      AZURE_BLOB_ENDPOINT: world.azurite.endpoint,
      AZURE_AUTHORITY_HOST: world.entra.authorityHost,
      STORAGE_CA_FILE: world.tls.caFile,
    }));
    const options = {
      guard: null,
      requestTimeoutMs: 5000,
      endpoint: world.azurite.endpoint,
      extraCa: world.tls.ca,
      authorityHost: world.entra.authorityHost,
    };
    container = connectAzureSpi(spiFields({}), options);
    exported = connectAzureSpi(spiFields({ container: 'export' }), options);
    await writeObjects(container, {
      'tasks/one.json': JSON.stringify({ text: 'one' }),
      'tasks/list.json': JSON.stringify([
        { text: 'two' },
        { data: { text: 'three' }, annotations: [{ result: [sentiment('Positive')] }] },
      ]),
      'tasks/broken.json': '{"text": ',
      'images/a.png': 'png bytes',
      'images/b.jpg': 'jpg bytes',
      'images/readme.md': 'not an image',
    });
    textProject = await newProject(TEXT_CONFIG, 'Azure SPI text');
  }, 60_000);

  afterAll(async () => {
    await container?.close();
    await exported?.close();
    await testApp?.close();
    await world?.stop();
  });

  it('offers the azure_spi type for import and export', async () => {
    await kit.expectTypeListed('Azure Blob Storage with Service Principal');
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
    // A principal of its own, so that its token requests can be counted.
    const principal = {
      client_id: OTHER_APPS[0].clientId,
      client_secret: OTHER_APPS[0].clientSecret,
    };
    world.entra.reset();
    await kit.expectBulkResync({
      extraFields: principal,
      put: (key, body) => container.write(key, body, 'application/json'),
    });
    // One token for the validations, the three syncs and their 1,010 reads.
    expect(world.entra.counts).toMatchObject({ tokens: 1, refused: 0 });
  }, 120_000);

  it('makes one task per blob with use_blob_urls, resolved to a delegation SAS URL or proxied', async () => {
    const project = await newProject(IMAGE_CONFIG, 'Azure SPI images');
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
    await kit.expectProxiedWithRange(resolveUrl);
  });

  it('writes annotations to an export storage on create and on update, deletes them when allowed', async () => {
    await kit.expectExportFlow({
      readObject: (key) => readJson(exported, key),
      listKeys: () => keysOf(exported),
      // The annotation imported with task "three", written as the storage is created.
      project: { id: textProject, annotated: 1 },
      shown: { container: 'export' },
      hidden: ['client_secret'],
    });
  });

  it("answers 404 for another organization's storages, 403 to an annotator's writes", async () => {
    await kit.expectScopedRoutes({ stranger, annotator, otherType: 'azure' });
  });
});
