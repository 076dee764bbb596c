import { LookupAddress } from 'node:dns';
import { buffer } from 'node:stream/consumers';
import { AddressGuard, parseNetworks, Resolver } from '@ls/core';
import {
  DatabricksConnection,
  DatabricksConnectionOptions,
} from '../../../../src/lib/cloud/providers/databricks/databricks-connection';
import { DatabricksSettings } from '../../../../src/lib/cloud/providers/databricks/databricks-settings';
import {
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { DatabricksResponder, startDatabricksResponder } from '../../support/databricks-responder';

const noDns: Resolver = async () => [] as LookupAddress[];
const PAT = 'dapi-test-token-0123456789';
const SP = {
  clientId: 'sp-client',
  clientSecret: 'dose-sp-secret-0123456789',
  tenantId: 'tenant-1',
};
const ROOT = '/Volumes/main/raw/files';

/** The Databricks adapter against the Files API responder: objects, paging, auth, TLS, paths, guard. */
describe('Databricks connection (int)', () => {
  let responder: DatabricksResponder;
  const open: DatabricksConnection[] = [];

  const connect = (
    extra: DatabricksSettings = {},
    options: Partial<DatabricksConnectionOptions> = {},
  ) => {
    const connection = new DatabricksConnection(
      {
        host: responder.host,
        catalog: 'main',
        schema: 'raw',
        volume: 'files',
        token: PAT,
        ...extra,
      },
      {
        guard: null,
        requestTimeoutMs: 5000,
        azureAuthorityHost: responder.host,
        extraCa: responder.tls.ca,
        pageSize: 7,
        ...options,
      },
    );
    open.push(connection);
    return connection;
  };
  const keys = async (
    connection: DatabricksConnection,
    prefix: string | null,
    recursive: boolean,
  ) => {
    const found: string[] = [];
    for await (const page of connection.list({ prefix, recursive })) {
      expect(page.length).toBeLessThanOrEqual(7);
      found.push(...page.map((object) => object.key));
    }
    return found;
  };

  beforeAll(async () => {
    responder = await startDatabricksResponder({
      volumes: ['main/raw/files', 'main/raw/empty'],
      deniedVolumes: ['main/secret/files'],
      patTokens: [PAT],
      servicePrincipal: SP,
    });
  });

  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await responder?.stop();
  });

  beforeEach(() => responder.reset());

  it('writes, lists by prefix (recursive or not, over pages), reads ranges and deletes', async () => {
    const connection = connect();
    for (let n = 0; n < 20; n++) {
      await connection.write(
        `dir/${String(n).padStart(2, '0')}.json`,
        `{"n":${n}}`,
        'application/json',
      );
    }
    await connection.write('dir/sub/deep.txt', 'deep bytes', 'text/plain');
    await connection.write('dir/sub/deeper/deepest.txt', 'deepest', 'text/plain');
    responder.mkdir(`${ROOT}/dir/empty`);
    expect(responder.files.get(`${ROOT}/dir/00.json`)?.body.toString()).toBe('{"n":0}');
    expect(responder.counts.uploads).toBe(22);

    const twenty = Array.from({ length: 20 }, (_, n) => `dir/${String(n).padStart(2, '0')}.json`);
    expect(await keys(connection, 'dir', false)).toEqual(twenty);
    expect(await keys(connection, '/dir/', true)).toEqual([
      ...twenty,
      'dir/sub/deep.txt',
      'dir/sub/deeper/deepest.txt',
    ]);
    expect(await keys(connection, 'dir/sub', false)).toEqual(['dir/sub/deep.txt']);
    expect(responder.requests.some((line) => line.includes('page_token='))).toBe(true);
    const [listed] = (
      await connection.list({ prefix: 'dir/sub', recursive: false })[Symbol.asyncIterator]().next()
    ).value;
    expect(listed).toMatchObject({ key: 'dir/sub/deep.txt', size: 10 });
    expect(listed.modifiedAt).toBeInstanceOf(Date);
    await expect(keys(connection, 'nowhere', true)).rejects.toThrow(
      new StorageConnectionError(`Prefix not found in the Databricks volume: ${ROOT}/nowhere`),
    );

    const whole = await connection.read('dir/sub/deep.txt');
    expect((await buffer(whole.body)).toString()).toBe('deep bytes');
    expect(whole).toMatchObject({ size: 10, totalSize: 10, range: null });
    const part = await connection.read('dir/sub/deep.txt', { range: { start: 5, end: 9 } });
    expect((await buffer(part.body)).toString()).toBe('bytes');
    expect(part).toMatchObject({ size: 5, totalSize: 10, range: { start: 5, end: 9 } });
    const tail = await connection.read('dir/sub/deep.txt', { range: { start: 8 } });
    expect((await buffer(tail.body)).toString()).toBe('es');

    await connection.write('dir/sub/deep.txt', 'overwritten', 'text/plain');
    expect((await buffer((await connection.read('dir/sub/deep.txt')).body)).toString()).toBe(
      'overwritten',
    );
    await connection.delete('dir/sub/deep.txt');
    await connection.delete('dir/sub/deep.txt');
    expect(responder.files.has(`${ROOT}/dir/sub/deep.txt`)).toBe(false);
    await expect(connection.read('dir/sub/deep.txt')).rejects.toBeInstanceOf(
      StorageObjectMissingError,
    );
    expect(responder.counts.deletes).toBe(1);
  });

  it('streams a download in chunks of at most stream_chunk_bytes', async () => {
    const bytes = Buffer.alloc(50_000, 7);
    responder.put(`${ROOT}/big/blob.bin`, bytes);
    const object = await connect({ stream_chunk_bytes: 4096 }).read('big/blob.bin');
    // As the proxy pipes it: chunk by chunk.
    const sizes: number[] = [];
    object.body.on('data', (chunk: Buffer) => sizes.push(chunk.length));
    await new Promise((resolve) => object.body.on('end', resolve));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(50_000);
    expect(object.body.readableHighWaterMark).toBe(4096);
  });

  it('names objects with dbfs:/Volumes URIs and encodes every path segment', async () => {
    const connection = connect();
    await connection.write('odd names/a b#c?d%e.json', '{}', 'application/json');
    expect(responder.files.has(`${ROOT}/odd names/a b#c?d%e.json`)).toBe(true);
    expect(responder.requests).toContainEqual(
      'PUT /api/2.0/fs/files/Volumes/main/raw/files/odd%20names/a%20b%23c%3Fd%25e.json?overwrite=true',
    );
    expect(await keys(connection, 'odd names', false)).toEqual(['odd names/a b#c?d%e.json']);
    expect(connection.uriOf('a/b.png')).toBe('dbfs:/Volumes/main/raw/files/a/b.png');
    expect(connection.keyOf('dbfs:/Volumes/main/raw/files/a/b.png')).toBe('a/b.png');
    expect(connection.keyOf('dbfs:/Volumes/main/raw/other/a/b.png')).toBeNull();
    expect(connection.keyOf('dbfs:/Volumes/main/raw/files/../other/b.png')).toBeNull();
    expect(connection.keyOf('s3://files/a/b.png')).toBeNull();
    expect(await connection.presign()).toBeNull();
  });

  it('refuses paths that leave the volume, before any request', async () => {
    const connection = connect();
    for (const key of ['../other/x.json', 'a/../../x.json', './x', 'a\\..\\b']) {
      await expect(connection.read(key)).rejects.toBeInstanceOf(StorageConnectionError);
      await expect(connection.write(key, '{}', 'application/json')).rejects.toThrow(
        'it must stay inside the volume',
      );
    }
    await expect(keys(connection, '../raw', true)).rejects.toBeInstanceOf(StorageConnectionError);
    expect(() => connect({ volume: '..' })).toThrow(
      new StorageConnectionError('Invalid volume name ".."'),
    );
    expect(() => connect({ schema: 'raw/files' })).toThrow('Invalid schema name');
    expect(() => connect({ catalog: '' })).toThrow(
      new StorageConnectionError('Catalog name is required'),
    );
    expect(() => connect({ host: 'http://127.0.0.1:1' })).toThrow(
      'give the workspace base URL (https://...)',
    );
    expect(() => connect({ host: 'https://user:pw@example.com' })).toThrow('takes no credentials');
    expect(() => connect({ auth_type: 'basic' })).toThrow('Invalid auth_type "basic"');
    expect(() => connect({ token: '' })).toThrow('personal access token is required');
    expect(() => connect({ auth_type: 'azure_ad_sp', client_id: 'a', client_secret: 'b' })).toThrow(
      'tenant_id is required',
    );
    expect(responder.requests).toEqual([]);
  });

  it('validates: volume, prefix, empty prefix, credentials, access', async () => {
    responder.put(`${ROOT}/tasks/one.json`, '{"text":"one"}');
    responder.mkdir(`${ROOT}/hollow`);
    await expect(connect().validate('import', 'tasks')).resolves.toBeUndefined();
    await expect(connect().validate('import', null)).resolves.toBeUndefined();
    await expect(connect().validate('import', '')).resolves.toBeUndefined();
    await expect(connect({ volume: 'empty' }).validate('import', null)).resolves.toBeUndefined();
    await expect(connect().validate('export', 'not/yet/there')).resolves.toBeUndefined();
    await expect(connect({ volume: 'nope' }).validate('export', null)).rejects.toThrow(
      new StorageConnectionError(
        'Databricks volume not found: /Volumes/main/raw/nope (check the catalog, schema and volume names)',
      ),
    );
    await expect(connect().validate('import', 'missing')).rejects.toThrow(
      `Prefix not found in the Databricks volume: ${ROOT}/missing`,
    );
    await expect(connect().validate('import', 'hollow')).rejects.toThrow(
      `No files found in ${ROOT}/hollow`,
    );
    const wrong = connect({ token: 'dapi-wrong-token-abcdef' }).validate('import', null);
    await expect(wrong).rejects.toThrow(
      'Databricks authentication failed (401): check the token or client credentials: UNAUTHENTICATED: Invalid access token.',
    );
    await expect(wrong).rejects.not.toThrow('dapi-wrong-token-abcdef');
    await expect(
      connect({ catalog: 'main', schema: 'secret' }).validate('import', null),
    ).rejects.toThrow(
      'Databricks denied access to /Volumes/main/secret/files (403): PERMISSION_DENIED: User does not have READ VOLUME.',
    );
  });

  it('each auth type gets its token once and reuses it', async () => {
    responder.put(`${ROOT}/auth/a.json`, '{}');
    const pat = connect();
    await pat.validate('import', 'auth');
    await pat.read('auth/a.json').then((object) => buffer(object.body));
    expect(responder.counts).toMatchObject({ workspaceTokens: 0, entraTokens: 0, refused: 0 });

    const workspace = connect({
      auth_type: 'dbx_sp',
      token: null,
      client_id: SP.clientId,
      client_secret: SP.clientSecret,
    });
    await workspace.validate('import', 'auth');
    await Promise.all([
      workspace.read('auth/a.json'),
      workspace.write('auth/b.json', '{}', 'application/json'),
    ]);
    expect(responder.counts).toMatchObject({ workspaceTokens: 1, entraTokens: 0, refused: 0 });

    const entra = connect({
      auth_type: 'azure_ad_sp',
      client_id: SP.clientId,
      client_secret: SP.clientSecret,
      tenant_id: SP.tenantId,
    });
    await entra.validate('import', 'auth');
    await entra.delete('auth/b.json');
    expect(responder.counts).toMatchObject({ workspaceTokens: 1, entraTokens: 1, refused: 0 });

    const badSecret = 'dose-wrong-secret-987654';
    const refused = connect({
      auth_type: 'dbx_sp',
      client_id: SP.clientId,
      client_secret: badSecret,
    });
    await expect(refused.validate('export', null)).rejects.toThrow(
      `Cannot get a Databricks OAuth token from ${responder.host}/oidc/v1/token: invalid_client`,
    );
    const entraRefused = connect({
      auth_type: 'azure_ad_sp',
      client_id: SP.clientId,
      client_secret: badSecret,
      tenant_id: SP.tenantId,
    }).validate('export', null);
    await expect(entraRefused).rejects.toThrow(
      'Cannot get an Azure AD token for Azure Databricks from ' +
        `${responder.host}/${SP.tenantId}/oauth2/v2.0/token: AADSTS7000215: Invalid client secret provided.`,
    );
    await expect(entraRefused).rejects.not.toThrow(badSecret);
  });

  it('asks for a new OAuth token once when the cached one is refused', async () => {
    responder.put(`${ROOT}/auth/c.json`, '{"c":1}');
    const connection = connect({
      auth_type: 'dbx_sp',
      client_id: SP.clientId,
      client_secret: SP.clientSecret,
    });
    await connection.validate('export', null);
    responder.revokeTokens();
    expect((await buffer((await connection.read('auth/c.json')).body)).toString()).toBe('{"c":1}');
    expect(responder.counts).toMatchObject({ workspaceTokens: 2, refused: 1 });
    const pat = connect({ token: 'dapi-revoked-000000' }).read('auth/c.json');
    await expect(pat).rejects.toThrow('Databricks authentication failed (401)');
    expect(responder.counts).toMatchObject({ workspaceTokens: 2, refused: 2 });
  });

  it('bounds each request by request_timeout_s', async () => {
    responder.put(`${ROOT}/slow/never.bin`, 'never sent');
    responder.hanging.add(`${ROOT}/slow/never.bin`);
    const started = Date.now();
    await expect(connect({ request_timeout_s: 1 }).read('slow/never.bin')).rejects.toThrow(
      new StorageConnectionError(
        `Cannot reach Databricks at ${responder.host}: No answer from ${responder.host} in 1 s`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('checks TLS: refused untrusted, trusted with the extra CA, accepted with verify_tls false', async () => {
    const untrusted = connect({}, { extraCa: null }).validate('export', null);
    await expect(untrusted).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(untrusted).rejects.toThrow(`TLS certificate of ${responder.host} is not trusted`);
    const tokenUntrusted = connect(
      { auth_type: 'dbx_sp', client_id: SP.clientId, client_secret: SP.clientSecret },
      { extraCa: null },
    ).validate('export', null);
    await expect(tokenUntrusted).rejects.toThrow(
      /^Cannot get a Databricks OAuth token: TLS certificate/,
    );
    expect(responder.counts.lists).toBe(0);
    await expect(
      connect({}, { extraCa: responder.tls.ca }).validate('export', null),
    ).resolves.toBeUndefined();
    await expect(
      connect({ verify_tls: false }, { extraCa: null }).validate('export', null),
    ).resolves.toBeUndefined();
    expect(responder.counts.lists).toBe(2);
    // `verify_tls` is about the workspace: Entra ID's certificate is checked all the same.
    const entra = connect(
      {
        verify_tls: false,
        auth_type: 'azure_ad_sp',
        client_id: SP.clientId,
        client_secret: SP.clientSecret,
        tenant_id: SP.tenantId,
      },
      { extraCa: null },
    ).validate('export', null);
    await expect(entra).rejects.toThrow(
      /^Cannot get an Azure AD token for Azure Databricks: TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted/,
    );
  });

  it('sends every request, the token requests included, through the address guard', async () => {
    const closed = new AddressGuard(parseNetworks(''), noDns);
    const refused = connect({}, { guard: closed }).validate('import', null);
    await expect(refused).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(refused).rejects.toThrow('(block: 127.0.0.0/8)');
    const sp = connect(
      { auth_type: 'dbx_sp', client_id: SP.clientId, client_secret: SP.clientSecret },
      { guard: closed },
    ).read('auth/a.json');
    await expect(sp).rejects.toThrow('(block: 127.0.0.0/8)');
    expect(responder.requests).toEqual([]);

    const allowed = new AddressGuard(parseNetworks('127.0.0.1/32'), noDns);
    await expect(connect({}, { guard: allowed }).validate('export', null)).resolves.toBeUndefined();
    const toPrivate: Resolver = async () => [{ address: '10.1.2.3', family: 4 }];
    const port = new URL(responder.host).port;
    const named = connect(
      { host: `https://workspace.databricks.test:${port}` },
      { guard: new AddressGuard(parseNetworks('127.0.0.1/32'), toPrivate) },
    );
    await expect(named.validate('export', null)).rejects.toThrow(
      new StorageConnectionError('URL resolves to a reserved network address (block: 10.0.0.0/8)'),
    );
    expect(responder.counts.lists).toBe(1);
  });
});
