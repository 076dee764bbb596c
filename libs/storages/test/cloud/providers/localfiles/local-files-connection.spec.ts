import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalFilesConnection } from '../../../../src/lib/cloud/providers/localfiles/local-files-connection';
import { SERVING_DISABLED } from '../../../../src/lib/cloud/providers/localfiles/local-files-rules';
import {
  ListedObject,
  ListOptions,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { file, link, LocalDisk, localDisk } from './local-files-fixture';

describe('LocalFilesConnection', () => {
  let disk: LocalDisk;
  const connect = (path: string | null = disk.storage, servingEnabled = true) =>
    new LocalFilesConnection(path, { documentRoot: disk.root, servingEnabled });

  beforeEach(async () => {
    disk = await localDisk();
  });

  afterEach(() => disk.remove());

  describe('listing', () => {
    const modified = new Date('2024-05-01T10:00:00Z');

    beforeEach(async () => {
      for (const name of ['b.json', 'a.json', 'Z.txt', 'é.txt', 'sub/c.json', 'sub/deeper/d.txt']) {
        await file(join(disk.storage, name), `{"name": "${name}"}`, modified);
      }
      await file(join(disk.outside, 'secret.txt'), 'secret');
      await link(join(disk.storage, 'a.json'), join(disk.storage, 'link-inside'));
      await link(join(disk.outside, 'secret.txt'), join(disk.storage, 'link-outside'));
      await link(join(disk.storage, 'sub'), join(disk.storage, 'link-to-sub'));
      await link(join(disk.storage, 'gone'), join(disk.storage, 'link-dangling'));
    });

    it('lists the files of the directory in name order, keyed by absolute path', async () => {
      const listed = (await pagesOf(connect(), { prefix: null, recursive: false })).flat();
      expect(listed.map((object) => object.key)).toEqual(
        ['Z.txt', 'a.json', 'b.json', 'link-inside', 'é.txt'].map((name) =>
          join(disk.storage, name),
        ),
      );
      expect(listed[1]).toEqual({
        key: join(disk.storage, 'a.json'),
        modifiedAt: modified,
        size: 18,
      });
    });

    it('walks subdirectories when recursive, never through symlinked ones', async () => {
      const listed = (await pagesOf(connect(), { prefix: null, recursive: true })).flat();
      expect(listed.map((object) => object.key)).toEqual(
        ['Z.txt', 'a.json', 'b.json', 'link-inside', 'sub/c.json', 'sub/deeper/d.txt', 'é.txt'].map(
          (name) => join(disk.storage, name),
        ),
      );
      const sub = await pagesOf(connect(), { prefix: 'sub', recursive: false });
      expect(sub.flat().map((object) => object.key)).toEqual([join(disk.storage, 'sub/c.json')]);
      await link(disk.outside, join(disk.storage, 'out'));
      for (const prefix of ['../', 'out']) {
        await expect(pagesOf(connect(), { prefix, recursive: true })).rejects.toThrow(
          StorageConnectionError,
        );
      }
    });

    it('pages large directories', async () => {
      const many = join(disk.storage, 'many');
      for (let index = 0; index < 2100; index++) {
        await file(join(many, `${String(index).padStart(4, '0')}.json`), '{}');
      }
      const pages = await pagesOf(connect(many), { prefix: null, recursive: false });
      expect(pages.map((page) => page.length)).toEqual([1000, 1000, 100]);
      expect(pages[2][99].key).toBe(join(many, '2099.json'));
    });
  });

  describe('objects', () => {
    beforeEach(async () => {
      await file(join(disk.storage, 'task.json'), '{"text": "héllo"}');
      await file(join(disk.outside, 'secret.txt'), 'secret');
      await link(join(disk.outside, 'secret.txt'), join(disk.storage, 'secret.txt'));
      await link(disk.outside, join(disk.storage, 'out'));
    });

    it('reads a file whole or a byte range, with the weak ETag Label Studio gives', async () => {
      const key = join(disk.storage, 'task.json');
      const object = await connect().read(key);
      expect(await text(object.body)).toBe('{"text": "héllo"}');
      const stats = await stat(key, { bigint: true });
      expect(object).toMatchObject({
        size: 18,
        totalSize: 18,
        range: null,
        etag: `W/"${stats.mtimeNs.toString(16)}-12"`,
        lastModified: new Date(Number(stats.mtimeMs)),
      });
      const part = await connect().read(key, { range: { start: 2, end: 5 } });
      expect(await text(part.body)).toBe('text');
      expect(part).toMatchObject({ size: 4, totalSize: 18, range: { start: 2, end: 5 } });
      const tail = await connect().read(key, { range: { start: 10 } });
      expect(tail.range).toEqual({ start: 10, end: 17 });
      expect((await connect().read(key, { range: { start: 99 } })).range).toBeNull();
    });

    it('finds nothing outside the directory, whatever the key', async () => {
      for (const key of [
        join(disk.storage, 'missing.json'),
        join(disk.storage, '../storage2/x'),
        '../outside/secret.txt',
        join(disk.outside, 'secret.txt'),
        join(disk.storage, 'secret.txt'),
        join(disk.storage, 'out/secret.txt'),
        disk.storage,
      ]) {
        await expect(connect().read(key)).rejects.toThrow(StorageObjectMissingError);
      }
    });

    it('writes atomically under the directory, creating folders', async () => {
      const connection = connect();
      await connection.write('exports/41', '{"id": 41}', 'application/json');
      await connection.write('exports/41', '{"id": 41, "v": 2}', 'application/json');
      await connection.write(
        join(disk.storage, 'exports/42'),
        Buffer.from('{}'),
        'application/json',
      );
      expect(await readFile(join(disk.storage, 'exports/41'), 'utf8')).toBe('{"id": 41, "v": 2}');
      expect(await readdir(join(disk.storage, 'exports'))).toEqual(['41', '42']);
      expect(await text((await connection.read('exports/41')).body)).toBe('{"id": 41, "v": 2}');
    });

    it('refuses writes that would land outside the directory', async () => {
      for (const key of ['../escape', join(disk.outside, 'x'), 'out/new/x', 'out/x']) {
        await expect(connect().write(key, '{}', 'application/json')).rejects.toThrow(
          StorageConnectionError,
        );
      }
      expect(await readdir(disk.outside)).toEqual(['secret.txt']);
      expect(await readdir(disk.root)).toEqual(['storage']);
    });

    it('deletes files, ignoring missing ones and anything outside', async () => {
      const connection = connect();
      await connection.delete(join(disk.storage, 'task.json'));
      await connection.delete('task.json');
      await connection.delete('out/secret.txt');
      await connection.delete('../outside/secret.txt');
      expect(await readdir(disk.outside)).toEqual(['secret.txt']);
      expect((await readdir(disk.storage)).sort()).toEqual(['out', 'secret.txt']);
    });
  });

  it('validates the directory against the rules', async () => {
    await expect(connect().validate('import')).resolves.toBeUndefined();
    await expect(connect().validate('export')).resolves.toBeUndefined();
    await expect(connect(disk.storage, false).validate('import')).rejects.toThrow(SERVING_DISABLED);
    await expect(connect(disk.outside).validate('export')).rejects.toThrow('must start with');
    const missing = join(disk.root, 'missing');
    await expect(connect(missing).validate('import')).rejects.toThrow(
      `Path ${missing} does not exist`,
    );
    await expect(connect(null).validate('import')).rejects.toThrow(StorageConnectionError);
    await expect(pagesOf(connect(missing), { prefix: null, recursive: true })).rejects.toThrow(
      'does not exist',
    );
  });

  it('links files with /data/local-files/ URLs relative to the document root', () => {
    const connection = connect();
    const key = join(disk.storage, 'sub dir/a b+c&d%é(1).jpg');
    const uri = connection.uriOf(key);
    expect(uri).toBe('/data/local-files/?d=storage/sub%20dir/a%20b%2Bc%26d%25%C3%A9%281%29.jpg');
    expect(connection.keyOf(uri)).toBe(key);
    expect(connection.keyOf('/data/local-files?d=storage/x.jpg')).toBe(join(disk.storage, 'x.jpg'));
    expect(connection.keyOf('/data/local-files/?d=storage2/x.jpg')).toBeNull();
    expect(connection.keyOf('/data/local-files/?d=storage/../../outside/x')).toBeNull();
    expect(connection.keyOf('/data/upload/1/x.jpg')).toBeNull();
    expect(connection.keyOf('s3://bucket/storage/x.jpg')).toBeNull();
  });
});

async function pagesOf(
  connection: LocalFilesConnection,
  options: ListOptions,
): Promise<ListedObject[][]> {
  const pages: ListedObject[][] = [];
  for await (const page of connection.list(options)) pages.push(page);
  return pages;
}
