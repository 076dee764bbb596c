import { buffer } from 'node:stream/consumers';
import { LookupAddress } from 'node:dns';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import {
  ListedObject,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { connectAzure } from '../../../../src/lib/cloud/providers/azure/azure-connect';
import { AzureConnection } from '../../../../src/lib/cloud/providers/azure/azure-connection';
import { AzureSettings } from '../../../../src/lib/cloud/providers/azure/azure-settings';
import { AZURITE_ACCOUNT, AzuriteServer, startAzurite } from '../../support/azurite-server';
import { AddressGuard, parseNetworks, Resolver } from '@ls/core';

const CONTAINER = 'ls-test';

/** Plays DNS: every host name is these addresses. */
const resolvingTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address): LookupAddress => ({ address, family: 4 }));

describe('Azure Blob connection (azurite)', () => {
  let server: AzuriteServer;
  let settings: AzureSettings;
  let options: { guard: AddressGuard | null; requestTimeoutMs: number; endpoint: string };
  let connection: AzureConnection;

  beforeAll(async () => {
    server = await startAzurite();
    options = { guard: null, requestTimeoutMs: 5000, endpoint: server.endpoint };
    const admin = new BlobServiceClient(
      server.endpoint.replace('{account}', AZURITE_ACCOUNT.name),
      new StorageSharedKeyCredential(AZURITE_ACCOUNT.name, AZURITE_ACCOUNT.key),
    );
    for (const name of [CONTAINER, 'ls-many']) await admin.getContainerClient(name).create();
    settings = {
      container: CONTAINER,
      account_name: AZURITE_ACCOUNT.name,
      account_key: AZURITE_ACCOUNT.key,
    };
    // Two blobs a page, so that a few blobs already take several pages.
    connection = connectAzure(settings, { ...options, pageSize: 2 });
    const keys = ['root.json', 'database.json', 'data/a.json', 'data/b.json', 'data/c.json'];
    for (const key of [...keys, 'data/sub/d.json', 'data/folder/']) {
      await connection.write(key, `{"key": "${key}"}`, 'application/json');
    }
  }, 30_000);

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  describe('list', () => {
    it('lists the blobs right under a prefix, with or without its slash, page by page', async () => {
      for (const prefix of ['data', 'data/']) {
        const pages = await pagesOf(connection.list({ prefix, recursive: false }));
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.flat()).toEqual(['data/a.json', 'data/b.json', 'data/c.json']);
      }
    });

    it('goes into subfolders when recursive and skips folder blobs', async () => {
      const objects = (await all(connection.list({ prefix: 'data', recursive: true }))).flat();
      expect(objects.map((object) => object.key)).toEqual([
        'data/a.json',
        'data/b.json',
        'data/c.json',
        'data/sub/d.json',
      ]);
      expect(objects[0].size).toBe('{"key": "data/a.json"}'.length);
      expect(objects[0].modifiedAt).toBeInstanceOf(Date);
    });

    it('lists the top of the container without a prefix', async () => {
      const pages = await pagesOf(connection.list({ prefix: null, recursive: false }));
      expect(pages.flat()).toEqual(['database.json', 'root.json']);
    });

    it('follows pages of 1000 blobs', async () => {
      const many = connectAzure(
        { ...settings, container: 'ls-many' },
        { ...options, pageSize: 1000 },
      );
      try {
        const keys = Array.from({ length: 1001 }, (_, n) => `k/${String(n).padStart(4, '0')}`);
        for (let start = 0; start < keys.length; start += 50) {
          await Promise.all(
            keys.slice(start, start + 50).map((key) => many.write(key, 'x', 'text/plain')),
          );
        }
        const pages = await pagesOf(many.list({ prefix: 'k', recursive: false }));
        expect(pages.map((page) => page.length)).toEqual([1000, 1]);
        expect(pages.flat()).toEqual(keys);
      } finally {
        await many.close();
      }
    }, 30_000);
  });

  describe('blobs', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

    beforeAll(() => connection.write('bin/all-bytes', bytes, 'application/octet-stream'));

    it('reads a whole blob with its metadata', async () => {
      const object = await connection.read('bin/all-bytes');
      expect(await buffer(object.body)).toEqual(bytes);
      expect(object).toMatchObject({
        size: 256,
        totalSize: 256,
        contentType: 'application/octet-stream',
        range: null,
      });
      expect(object.etag).toMatch(/^".+"$/);
      expect(object.lastModified).toBeInstanceOf(Date);
    });

    it('reads a range, closed or open-ended', async () => {
      const closed = await connection.read('bin/all-bytes', { range: { start: 2, end: 5 } });
      expect(await buffer(closed.body)).toEqual(bytes.subarray(2, 6));
      expect(closed).toMatchObject({ size: 4, totalSize: 256, range: { start: 2, end: 5 } });
      const open = await connection.read('bin/all-bytes', { range: { start: 250 } });
      expect(await buffer(open.body)).toEqual(bytes.subarray(250));
      expect(open).toMatchObject({ size: 6, totalSize: 256, range: { start: 250, end: 255 } });
    });

    it('stops reading when the caller aborts', async () => {
      const controller = new AbortController();
      controller.abort();
      const reading = connection.read('bin/all-bytes', { signal: controller.signal });
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('answers a missing blob with StorageObjectMissingError', async () => {
      const reading = connection.read('no/such/key.json');
      await expect(reading).rejects.toBeInstanceOf(StorageObjectMissingError);
      await expect(reading).rejects.toMatchObject({ key: 'no/such/key.json' });
    });

    it('writes with a content type, overwrites, and deletes (twice is fine)', async () => {
      await connection.write('out/1', '{"id": 1}', 'application/json');
      await connection.write('out/1', '{"id": 2}', 'application/json');
      const object = await connection.read('out/1');
      expect((await buffer(object.body)).toString()).toBe('{"id": 2}');
      expect(object.contentType).toBe('application/json');
      await connection.delete('out/1');
      await expect(connection.read('out/1')).rejects.toBeInstanceOf(StorageObjectMissingError);
      await connection.delete('out/1');
    });

    it('presigns a read-only SAS URL that downloads the exact bytes', async () => {
      const url = new URL(await connection.presign('bin/all-bytes', 60));
      expect(url.pathname).toBe(`/${AZURITE_ACCOUNT.name}/${CONTAINER}/bin/all-bytes`);
      expect(url.searchParams.get('sp')).toBe('r');
      const expiry = Date.parse(url.searchParams.get('se') ?? '');
      expect(expiry - Date.now()).toBeGreaterThan(50_000);
      expect(expiry - Date.now()).toBeLessThanOrEqual(61_000);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
      // Read only: the same signature does not let anyone write.
      const put = await fetch(url, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: 'overwritten',
      });
      expect(put.status).toBe(403);
    });
  });

  it('maps keys to azure-blob:// URIs of its container and back, as Label Studio does', () => {
    expect(connection.uriOf('data/a b.json')).toBe('azure-blob://ls-test/data/a b.json');
    expect(connection.keyOf('azure-blob://ls-test/data/a.json')).toBe('data/a.json');
    expect(connection.keyOf('azure-blob://ls-test/data/a%20b.json')).toBe('data/a%20b.json');
    expect(connection.keyOf('azure-blob://ls-test-2/data/a.json')).toBeNull();
    expect(connection.keyOf('s3://ls-test/data/a.json')).toBeNull();
    expect(connection.keyOf('azure-blob://ls-test/')).toBeNull();
  });

  describe('validate', () => {
    it('accepts a reachable container, for import under a prefix that has blobs', async () => {
      await expect(connection.validate('import', 'data')).resolves.toBeUndefined();
      await expect(connection.validate('import', null)).resolves.toBeUndefined();
      await expect(connection.validate('export', 'new-prefix')).resolves.toBeUndefined();
    });

    it('refuses an import prefix without blobs, in Label Studio words', async () => {
      await expect(connection.validate('import', 'nothing-here')).rejects.toThrow(
        new StorageConnectionError('azure-blob://ls-test/nothing-here not found.'),
      );
    });

    it('refuses a container that does not exist', async () => {
      const missing = connectAzure({ ...settings, container: 'missing-container' }, options);
      const error = new StorageConnectionError('Container not found: missing-container');
      await expect(missing.validate('import', null)).rejects.toThrow(error);
      await expect(missing.validate('export', null)).rejects.toThrow(error);
      await missing.close();
    });

    it('refuses a key the account does not have', async () => {
      const wrongKey = Buffer.from('not the key of this account').toString('base64');
      const stranger = connectAzure({ ...settings, account_key: wrongKey }, options);
      for (const mode of ['import', 'export'] as const) {
        const refusal = stranger.validate(mode, null);
        await expect(refusal).rejects.toBeInstanceOf(StorageConnectionError);
        // Azure's own message for its error code (azurite says AuthorizationFailure; Azure
        // itself AuthenticationFailed), as Label Studio shows it.
        await expect(refusal).rejects.toThrow(
          /^(This request is not authorized to perform this operation\.\nErrorCode:AuthorizationFailure|Server failed to authenticate the request\. .*\nErrorCode:AuthenticationFailed)$/,
        );
      }
      await stranger.close();
    });

    it('refuses settings it cannot connect with, before any request', () => {
      expect(() => connectAzure({ ...settings, account_key: null }, options)).toThrow(
        'Azure account name and key must be set using account_name and account_key fields.',
      );
      expect(() => connectAzure({ ...settings, container: null }, options)).toThrow(
        'Container name is required',
      );
      expect(() => connectAzure({ ...settings, container: 'Bad/Name' }, options)).toThrow(
        /Invalid container name/,
      );
      expect(() => connectAzure({ ...settings, account_name: 'evil.com/x' }, options)).toThrow(
        /Invalid account name/,
      );
    });
  });

  describe('behind the address guard', () => {
    const validateWith = async (endpoint: string, guard: AddressGuard) => {
      const guarded = connectAzure(settings, { ...options, endpoint, guard });
      try {
        await guarded.validate('import', null);
      } finally {
        await guarded.close();
      }
    };

    it('refuses the loopback emulator unless its network is allowed', async () => {
      const closed = new AddressGuard(parseNetworks(''), resolvingTo());
      const refusal = validateWith(server.endpoint, closed);
      await expect(refusal).rejects.toBeInstanceOf(StorageConnectionError);
      await expect(refusal).rejects.toThrow('(block: 127.0.0.0/8)');
      const open = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo());
      await expect(validateWith(server.endpoint, open)).resolves.toBeUndefined();
    });

    it('judges a host name by the addresses it resolves to', async () => {
      const port = new URL(server.endpoint.replace('{account}', 'a')).port;
      const endpoint = `http://blob.storage.test:${port}/{account}`;
      const loopback = resolvingTo('127.0.0.1');
      await expect(
        validateWith(endpoint, new AddressGuard(parseNetworks('127.0.0.1/32'), loopback)),
      ).resolves.toBeUndefined();
      for (const [address, block] of [
        ['169.254.169.254', '169.254.0.0/16'],
        ['10.1.2.3', '10.0.0.0/8'],
      ]) {
        const guard = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo(address));
        await expect(validateWith(endpoint, guard)).rejects.toThrow(`(block: ${block})`);
      }
    });
  });
});

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function pagesOf(iterable: AsyncIterable<ListedObject[]>): Promise<string[][]> {
  return (await all(iterable)).map((page) => page.map((object) => object.key));
}
