import { lookup } from 'node:dns/promises';
import { once } from 'node:events';
import { AddressInfo, createServer, Server } from 'node:net';
import { text } from 'node:stream/consumers';
import { Redis } from 'ioredis';
import { RedisConnection } from '../../../../src/lib/cloud/providers/redis/redis-connection';
import { DB_REQUIRED } from '../../../../src/lib/cloud/providers/redis/redis-problems';
import { RedisSettings } from '../../../../src/lib/cloud/providers/redis/redis-settings';
import { AddressGuard } from '@ls/core';
import {
  ListedObject,
  StorageConnection,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';

// The real Redis of the test environment; only these two databases are flushed.
const IMPORT_DB = 13;
const EXPORT_DB = 14;
const resolveHost = (host: string) => lookup(host, { all: true });
const allowLoopback = new AddressGuard(['127.0.0.1/32'], resolveHost);

describe('RedisConnection', () => {
  const admin = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
  const opened: StorageConnection[] = [];

  function connect(settings: Partial<RedisSettings>, guard: AddressGuard | null = allowLoopback) {
    const connection = new RedisConnection(
      { path: null, host: '127.0.0.1', port: '6379', password: null, db: IMPORT_DB, ...settings },
      { guard, requestTimeoutMs: 2000 },
    );
    opened.push(connection);
    return connection;
  }

  beforeEach(async () => {
    for (const db of [IMPORT_DB, EXPORT_DB]) {
      await admin.select(db);
      await admin.flushdb();
    }
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((connection) => connection.close()));
  });

  afterAll(() => admin.quit());

  it('writes, reads and deletes values in its own database', async () => {
    const exported = connect({ db: EXPORT_DB });
    await exported.write('41', '{"id": 41, "result": ["é"]}', 'application/json');
    const object = await exported.read('41');
    expect(await text(object.body)).toBe('{"id": 41, "result": ["é"]}');
    expect(object).toMatchObject({ contentType: 'application/json', size: 28, range: null });
    await expect(connect({ db: IMPORT_DB }).read('41')).rejects.toThrow(StorageObjectMissingError);

    const part = await exported.read('41', { range: { start: 1, end: 4 } });
    expect(await text(part.body)).toBe('"id"');
    expect(part).toMatchObject({ size: 4, totalSize: 28, range: { start: 1, end: 4 } });

    await exported.delete('41');
    await exported.delete('41');
    await expect(exported.read('41')).rejects.toThrow('Object 41 does not exist');
  });

  it("lists the keys under its path, the path's glob characters taken literally", async () => {
    await admin.select(IMPORT_DB);
    for (const key of ['a*[b]?/1', 'a*[b]?/2', 'aX[b]?/3', 'a*b?/4', 'a\\*[b]?/5', 'other']) {
      await admin.set(key, '{}');
    }
    const connection = connect({ path: 'a*[b]?/' });
    expect((await keysOf(connection.list({ prefix: null, recursive: false }))).sort()).toEqual([
      'a*[b]?/1',
      'a*[b]?/2',
    ]);
    const everything = await keysOf(connect({}).list({ prefix: null, recursive: true }));
    expect(everything).toHaveLength(6);
    expect(await keysOf(connection.list({ prefix: 'oth', recursive: false }))).toEqual(['other']);
  });

  it('lists many keys in pages, each key once', async () => {
    await admin.select(IMPORT_DB);
    const keys = Array.from({ length: 2500 }, (_, index) => `tasks/${index}`);
    for (let index = 0; index < keys.length; index += 500) {
      await admin.mset(...keys.slice(index, index + 500).flatMap((key) => [key, '{}']));
    }
    const pages: ListedObject[][] = [];
    for await (const page of connect({ path: 'tasks/' }).list({ prefix: null, recursive: true })) {
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0][0]).toEqual({
      key: expect.stringMatching(/^tasks\//),
      modifiedAt: null,
      size: null,
    });
    expect(new Set(pages.flat().map((object) => object.key))).toEqual(new Set(keys));
    expect(pages.flat()).toHaveLength(keys.length);
  });

  it('validates a reachable server and refuses unreachable ones', async () => {
    await expect(connect({}).validate('import', null)).resolves.toBeUndefined();
    await expect(connect({ db: EXPORT_DB }).validate('export', null)).resolves.toBeUndefined();

    const wrongPort = connect({ port: '1' }).validate('import', null);
    await expect(wrongPort).rejects.toThrow(StorageConnectionError);
    await expect(wrongPort).rejects.toThrow(
      "Can't connect to Redis server. 127.0.0.1:1: the connection was refused.",
    );
    await expect(connect({ port: 'abc' }).validate('import', null)).rejects.toThrow(
      'abc is not a port number',
    );
    await expect(connect({ db: 999 }).validate('import', null)).rejects.toThrow(
      '127.0.0.1:6379: database 999 does not exist.',
    );
  });

  it('refuses to connect without a database index, as Label Studio does', async () => {
    for (const db of [null, 0]) {
      await expect(connect({ db }).validate('export', null)).rejects.toThrow(DB_REQUIRED);
    }
  });

  it('refuses a reserved address unless SSRF_ALLOWED_NETWORKS allows it', async () => {
    const refusing = new AddressGuard([], resolveHost);
    for (const host of ['127.0.0.1', 'localhost']) {
      const refused = connect({ host }, refusing).validate('import', null);
      await expect(refused).rejects.toThrow(StorageConnectionError);
      await expect(refused).rejects.toThrow('reserved network address (block: 127.0.0.0/8)');
    }
    await expect(connect({ host: 'localhost' }).validate('import', null)).resolves.toBeUndefined();
    await expect(connect({ host: 'localhost' }, null).validate('import', null)).resolves.toBe(
      undefined,
    );
  });

  describe('against a server refusing the password', () => {
    let server: Server;
    let port: number;

    beforeAll(async () => {
      // Answers every command of every packet as a Redis with another password would.
      server = createServer((socket) =>
        socket.on('data', (data) => {
          const commands = data.toString().match(/^\*\d+\r$/gm) ?? [];
          for (const _ of commands) socket.write('-WRONGPASS invalid username-password pair\r\n');
        }),
      ).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('says authentication failed', async () => {
      const connection = connect({ port: String(port), password: 'wrong' });
      await expect(connection.validate('import', null)).rejects.toThrow(
        `127.0.0.1:${port}: authentication failed (wrong password).`,
      );
    });
  });

  it('names keys with redis:// URIs, and recognises those under its path', () => {
    const connection = connect({ path: 'tasks/' });
    expect(connection.uriOf('tasks/1')).toBe('redis://tasks/1');
    expect(connection.keyOf('redis://tasks/1')).toBe('tasks/1');
    expect(connection.keyOf('redis://other/1')).toBeNull();
    expect(connection.keyOf('s3://tasks/1')).toBeNull();
  });
});

async function keysOf(pages: AsyncIterable<ListedObject[]>): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of pages) keys.push(...page.map((object) => object.key));
  return keys;
}
