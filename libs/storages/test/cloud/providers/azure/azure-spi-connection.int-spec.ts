import { buffer } from 'node:stream/consumers';
import { LookupAddress } from 'node:dns';
import {
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import {
  AzureSpiConnectionOptions,
  connectAzureSpi,
} from '../../../../src/lib/cloud/providers/azure/azure-spi-connect';
import { AzureSpiSettings } from '../../../../src/lib/cloud/providers/azure/azure-settings';
import { AZURITE_ACCOUNT } from '../../support/azurite-server';
import { EntraApplication } from '../../support/entra-responder';
import { OTHER_APPS, SPI_APP, SpiWorld, startSpiWorld } from './azure-spi-fixture';
import { AddressGuard, parseNetworks, Resolver } from '@ls/core';

const CONTAINER = 'spi-test';

/** Plays DNS: every host name is these addresses. */
const resolvingTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address): LookupAddress => ({ address, family: 4 }));

describe('Azure Blob connection as a service principal (azurite + Entra ID responder)', () => {
  let world: SpiWorld;
  let settings: AzureSpiSettings;
  let options: AzureSpiConnectionOptions;
  let connection: AzureConnection;
  const opened: AzureConnection[] = [];
  const connect = (
    changes: Partial<AzureSpiSettings>,
    more: Partial<AzureSpiConnectionOptions> = {},
  ) => {
    const made = connectAzureSpi({ ...settings, ...changes }, { ...options, ...more });
    opened.push(made);
    return made;
  };
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

  beforeAll(async () => {
    world = await startSpiWorld();
    await world.createContainers(CONTAINER);
    options = {
      guard: null,
      requestTimeoutMs: 5000,
      endpoint: world.azurite.endpoint,
      extraCa: world.tls.ca,
      authorityHost: world.entra.authorityHost,
    };
    settings = {
      container: CONTAINER,
      account_name: AZURITE_ACCOUNT.name,
      tenant_id: SPI_APP.tenantId,
      client_id: SPI_APP.clientId,
      client_secret: SPI_APP.clientSecret,
    };
    connection = connect({});
    await connection.write('bin/all-bytes', bytes, 'application/octet-stream');
  }, 30_000);

  afterAll(async () => {
    for (const made of opened) await made.close();
    await world?.stop();
  });

  beforeEach(() => world.entra.reset());

  /** Settings of a principal no other test signs in as: its token is not kept yet. */
  const as = (app: EntraApplication) => ({
    client_id: app.clientId,
    client_secret: app.clientSecret,
  });

  it('gets one token from Entra ID and signs every blob call with it', async () => {
    const fresh = connect(as(OTHER_APPS[0]));
    const keys = Array.from({ length: 12 }, (_, n) => `many/${String(n).padStart(2, '0')}.json`);
    for (const key of keys) await fresh.write(key, `{"n": "${key}"}`, 'application/json');
    const listed: string[] = [];
    for await (const page of fresh.list({ prefix: 'many', recursive: false })) {
      listed.push(...page.map((object) => object.key));
    }
    expect(listed).toEqual(keys);
    expect((await buffer((await fresh.read(keys[3])).body)).toString()).toBe(`{"n": "${keys[3]}"}`);
    for (const key of keys) await fresh.delete(key);
    await fresh.validate('export', null);
    // One client credentials grant for the ~30 calls; the tenant's metadata asked once; no
    // instance discovery (it would go to login.microsoftonline.com).
    expect(world.entra.counts).toEqual({ metadata: 1, discovery: 0, tokens: 1, refused: 0 });
    expect(world.entra.secretsSeen).toEqual([OTHER_APPS[0].clientSecret]);

    // Another connection of the principal (a later sync, an export) uses the same token.
    const later = connect({ ...as(OTHER_APPS[0]), container: CONTAINER });
    await later.validate('import', 'bin');
    expect(world.entra.counts.tokens).toBe(1);
    // Another secret of the same application is not given it.
    const wrong = connect({ ...as(OTHER_APPS[0]), client_secret: 'Not~the-secret' });
    await expect(wrong.validate('import', null)).rejects.toThrow(/AADSTS7000215/);
    expect(world.entra.counts).toMatchObject({ tokens: 2, refused: 1 });
  });

  it('reads a whole blob and a range of it, with metadata', async () => {
    const whole = await connection.read('bin/all-bytes');
    expect(await buffer(whole.body)).toEqual(bytes);
    expect(whole).toMatchObject({
      size: 256,
      totalSize: 256,
      contentType: 'application/octet-stream',
    });
    const part = await connection.read('bin/all-bytes', { range: { start: 2, end: 5 } });
    expect(await buffer(part.body)).toEqual(bytes.subarray(2, 6));
    expect(part).toMatchObject({ size: 4, totalSize: 256, range: { start: 2, end: 5 } });
  });

  it('writes, overwrites and deletes; a missing blob is StorageObjectMissingError', async () => {
    await connection.write('out/1', '{"id": 1}', 'application/json');
    await connection.write('out/1', '{"id": 2}', 'application/json');
    expect((await buffer((await connection.read('out/1')).body)).toString()).toBe('{"id": 2}');
    await connection.delete('out/1');
    await expect(connection.read('out/1')).rejects.toBeInstanceOf(StorageObjectMissingError);
    await connection.delete('out/1');
  });

  it('lists recursively or not, skipping folder blobs', async () => {
    for (const key of ['tree/a.json', 'tree/sub/b.json', 'tree/folder/']) {
      await connection.write(key, '{}', 'application/json');
    }
    const keysOf = async (recursive: boolean) => {
      const keys: string[] = [];
      for await (const page of connection.list({ prefix: 'tree/', recursive })) {
        keys.push(...page.map((object) => object.key));
      }
      return keys;
    };
    expect(await keysOf(false)).toEqual(['tree/a.json']);
    expect(await keysOf(true)).toEqual(['tree/a.json', 'tree/sub/b.json']);
  });

  describe('presign', () => {
    it('makes a read-only user delegation SAS URL that downloads the exact bytes', async () => {
      const url = new URL(await connection.presign('bin/all-bytes', 60));
      expect(url.pathname).toBe(`/${AZURITE_ACCOUNT.name}/${CONTAINER}/bin/all-bytes`);
      expect(url.searchParams.get('sp')).toBe('r');
      expect(url.searchParams.get('sr')).toBe('b');
      // Signed with a key delegated to the service principal, not with the account key.
      expect(url.searchParams.get('skoid')).toBe(SPI_APP.objectId);
      expect(url.searchParams.get('sktid')).toBe(SPI_APP.tenantId);
      const expiry = Date.parse(url.searchParams.get('se') ?? '');
      expect(expiry - Date.now()).toBeGreaterThan(50_000);
      expect(expiry - Date.now()).toBeLessThanOrEqual(61_000);

      const download = await world.request(url.href);
      expect(download.status).toBe(200);
      expect(download.body).toEqual(bytes);
      const put = await world.request(url.href, 'PUT', 'overwritten');
      expect(put.status).toBe(403);
      // Another signature is refused: azurite checks it against the delegation key.
      url.searchParams.set('sig', Buffer.alloc(32, 1).toString('base64'));
      expect((await world.request(url.href)).status).toBe(403);
      expect((await connection.read('bin/all-bytes')).size).toBe(256);
    });

    it('shares one delegation key between short URLs and asks a longer one for a long URL', async () => {
      const first = new URL(await connection.presign('bin/all-bytes', 60));
      const second = new URL(await connection.presign('bin/all-bytes', 3600));
      expect(second.searchParams.get('ske')).toBe(first.searchParams.get('ske'));
      expect(second.searchParams.get('skt')).toBe(first.searchParams.get('skt'));
      const threeDays = 3 * 24 * 3600;
      const long = new URL(await connection.presign('bin/all-bytes', threeDays));
      const keyExpiry = Date.parse(long.searchParams.get('ske') ?? '');
      const urlExpiry = Date.parse(long.searchParams.get('se') ?? '');
      expect(keyExpiry).toBeGreaterThanOrEqual(urlExpiry);
      expect(urlExpiry - Date.now()).toBeGreaterThan(threeDays * 1000 - 60_000);
      expect((await world.request(long.href)).status).toBe(200);
      // A week at most, as Azure allows for delegation keys.
      const week = new URL(await connection.presign('bin/all-bytes', 30 * 24 * 3600));
      const weekKey = Date.parse(week.searchParams.get('ske') ?? '');
      expect(weekKey - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
      expect(Date.parse(week.searchParams.get('se') ?? '')).toBeLessThanOrEqual(weekKey);
      expect((await world.request(week.href)).status).toBe(200);
    });
  });

  it('maps keys to azure-blob:// URIs of its container, as the azure type does', () => {
    expect(connection.uriOf('data/a.json')).toBe(`azure-blob://${CONTAINER}/data/a.json`);
    expect(connection.keyOf(`azure-blob://${CONTAINER}/data/a.json`)).toBe('data/a.json');
    expect(connection.keyOf('azure-blob://other/data/a.json')).toBeNull();
  });

  describe('validate', () => {
    it('accepts the container, for import under a prefix that has blobs', async () => {
      await expect(connection.validate('import', 'bin')).resolves.toBeUndefined();
      await expect(connection.validate('export', 'new-prefix')).resolves.toBeUndefined();
      await expect(connection.validate('import', 'nothing-here')).rejects.toThrow(
        new StorageConnectionError(`azure-blob://${CONTAINER}/nothing-here not found.`),
      );
    });

    it('refuses a container that does not exist, as for azure', async () => {
      const missing = connect({ container: 'missing-container' });
      await expect(missing.validate('import', null)).rejects.toThrow(
        new StorageConnectionError('Container not found: missing-container'),
      );
    });

    it('refuses a wrong client secret with Entra ID words, the secret never shown', async () => {
      const wrongSecret = 'Wrong~secret-value-0123456789';
      const refusal = connect({ client_secret: wrongSecret }).validate('import', null);
      await expect(refusal).rejects.toBeInstanceOf(StorageConnectionError);
      await expect(refusal).rejects.toThrow(
        /^Microsoft Entra ID refused the service principal: AADSTS7000215: Invalid client secret provided\./,
      );
      const message = await refusal.catch((error: Error) => error.message);
      expect(message).not.toContain(wrongSecret);
      expect(message).not.toContain(SPI_APP.clientSecret);
      expect(message).not.toMatch(/Trace ID/);
      expect(world.entra.counts.refused).toBeGreaterThanOrEqual(1);
      expect(world.entra.secretsSeen).toContain(wrongSecret);
    });

    it('refuses an unknown tenant or application', async () => {
      await expect(
        connect({ tenant_id: 'contoso.onmicrosoft.com' }).validate('import', null),
      ).rejects.toThrow(
        "Microsoft Entra ID refused the service principal: AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found.",
      );
      await expect(
        connect({ client_id: 'not-registered' }).validate('export', null),
      ).rejects.toThrow(/AADSTS700016: Application with identifier 'not-registered' was not found/);
    });

    it('does not trust the Entra ID certificate without STORAGE_CA_FILE', async () => {
      const untrusting = connect(as(OTHER_APPS[1]), { extraCa: null });
      await expect(untrusting.validate('import', null)).rejects.toThrow(
        `Cannot reach Microsoft Entra ID at ${world.entra.authorityHost}: self-signed certificate in certificate chain`,
      );
      expect(world.entra.counts.tokens).toBe(0);
    });

    it('gives up on an Entra ID that does not answer, after the request timeout', async () => {
      world.entra.stallTokens = true;
      const started = Date.now();
      const waiting = connect(as(OTHER_APPS[2]), { requestTimeoutMs: 300 });
      await expect(waiting.validate('import', null)).rejects.toThrow(
        `Cannot reach Microsoft Entra ID at ${world.entra.authorityHost}: no answer within 300 ms`,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(world.entra.counts.tokens).toBeGreaterThanOrEqual(1);
    });

    it('refuses settings it cannot connect with, before any request', () => {
      const unset =
        'Azure account name, tenant ID, client ID and client secret must be set using account_name, tenant_id, client_id and client_secret fields.';
      for (const field of ['account_name', 'tenant_id', 'client_id', 'client_secret'] as const) {
        expect(() => connect({ [field]: null })).toThrow(new StorageConnectionError(unset));
      }
      expect(() => connect({ container: null })).toThrow('Container name is required');
      expect(() => connect({ tenant_id: '../common' })).toThrow(/Invalid tenant ID/);
      expect(() => connect({}, { authorityHost: 'http://127.0.0.1:1' })).toThrow(
        /Invalid Microsoft Entra ID authority host "http:\/\/127\.0\.0\.1:1": an https:\/\/ URL/,
      );
      expect(() => connect({}, { endpoint: 'http://127.0.0.1:1/{account}' })).toThrow(
        /takes service principal tokens over HTTPS only/,
      );
      expect(world.entra.counts.tokens).toBe(0);
    });
  });

  describe('behind the address guard', () => {
    it('refuses an Entra ID host that resolves to a reserved address, nothing sent to it', async () => {
      const port = new URL(world.entra.authorityHost).port;
      // The Blob endpoint (127.0.0.1) is allowed; the authority's name resolves elsewhere.
      const guard = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo('169.254.169.254'));
      // Another authority host: the token of 127.0.0.1's is not taken for it.
      const guarded = connect({}, { guard, authorityHost: `https://localhost:${port}` });
      await expect(guarded.validate('import', null)).rejects.toThrow(
        `Cannot reach Microsoft Entra ID at https://localhost:${port}: URL resolves to a reserved network address (block: 169.254.0.0/16)`,
      );
      expect(world.entra.counts).toEqual({ metadata: 0, discovery: 0, tokens: 0, refused: 0 });
    });

    it('refuses the loopback Entra ID unless its network is allowed, then works', async () => {
      const closed = new AddressGuard(parseNetworks(''), resolvingTo());
      const refused = connect(as(OTHER_APPS[3]), { guard: closed });
      await expect(refused.validate('import', null)).rejects.toThrow('(block: 127.0.0.0/8)');
      expect(world.entra.counts.tokens).toBe(0);
      const open = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo());
      const allowed = connect(as(OTHER_APPS[3]), { guard: open });
      await expect(allowed.validate('import', null)).resolves.toBeUndefined();
      const url = await allowed.presign('bin/all-bytes', 60);
      expect((await world.request(url)).body).toEqual(bytes);
      expect(world.entra.counts.tokens).toBe(1);
    });
  });
});
