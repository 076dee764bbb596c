import { buffer } from 'node:stream/consumers';
import {
  ListedObject,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { connectS3 } from '../../../../src/lib/cloud/providers/s3/s3-connect';
import { S3Connection } from '../../../../src/lib/cloud/providers/s3/s3-connection';
import { S3Settings } from '../../../../src/lib/cloud/providers/s3/s3-settings';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';

const BUCKET = 'ls-test';
const OPTIONS = { guard: null, requestTimeoutMs: 5000 };

describe('S3 connection', () => {
  let server: S3TestServer;
  let settings: S3Settings;
  let connection: S3Connection;

  beforeAll(async () => {
    server = await startS3Server([BUCKET, 'ls-many']);
    settings = {
      bucket: BUCKET,
      s3_endpoint: server.endpoint,
      aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
      aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
    };
    // Two keys a page, so that a few objects already take several pages.
    connection = connectS3(settings, { ...OPTIONS, pageSize: 2 });
    const keys = ['root.json', 'database.json', 'data/a.json', 'data/b.json', 'data/c.json'];
    for (const key of [...keys, 'data/sub/d.json', 'data/folder/']) {
      await connection.write(key, `{"key": "${key}"}`, 'application/json');
    }
  });

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  describe('list', () => {
    it('lists the objects right under a prefix, with or without its slash, page by page', async () => {
      for (const prefix of ['data', 'data/']) {
        const pages = await pagesOf(connection.list({ prefix, recursive: false }));
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.flat()).toEqual(['data/a.json', 'data/b.json', 'data/c.json']);
      }
    });

    it('goes into subfolders when recursive and skips folder objects', async () => {
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

    it('lists the top of the bucket without a prefix', async () => {
      const pages = await pagesOf(connection.list({ prefix: null, recursive: false }));
      expect(pages.flat()).toEqual(['database.json', 'root.json']);
    });

    it('follows S3 pages of 1000 keys', async () => {
      const many = connectS3({ ...settings, bucket: 'ls-many' }, OPTIONS);
      try {
        const keys = Array.from(
          { length: 1001 },
          (_, index) => `k/${String(index).padStart(4, '0')}`,
        );
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
    });
  });

  describe('objects', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

    beforeAll(() => connection.write('bin/all-bytes', bytes, 'application/octet-stream'));

    it('reads a whole object with its metadata', async () => {
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

    it('answers a missing key with StorageObjectMissingError', async () => {
      const reading = connection.read('no/such/key.json');
      await expect(reading).rejects.toBeInstanceOf(StorageObjectMissingError);
      await expect(reading).rejects.toMatchObject({ key: 'no/such/key.json' });
    });

    it('writes with a content type and an SSE-KMS key, and deletes', async () => {
      const kms = connectS3({ ...settings, aws_sse_kms_key_id: 'alias/test-key' }, OPTIONS);
      try {
        await kms.write('out/1', '{"id": 1}', 'application/json');
        const object = await kms.read('out/1');
        expect((await buffer(object.body)).toString()).toBe('{"id": 1}');
        expect(object.contentType).toBe('application/json');
        await kms.delete('out/1');
        await expect(kms.read('out/1')).rejects.toBeInstanceOf(StorageObjectMissingError);
        await kms.delete('out/1');
      } finally {
        await kms.close();
      }
    });

    it('presigns a URL that downloads the exact bytes', async () => {
      const url = await connection.presign('bin/all-bytes', 60);
      expect(url).toContain('X-Amz-Expires=60');
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    });
  });

  it('maps keys to s3:// URIs of its bucket and back, as Label Studio does', () => {
    expect(connection.uriOf('data/a b.json')).toBe('s3://ls-test/data/a b.json');
    expect(connection.keyOf('s3://ls-test/data/a.json')).toBe('data/a.json');
    // Label Studio's resolver takes the path as it stands: no percent-decoding.
    expect(connection.keyOf('s3://ls-test/data/a%20b.json')).toBe('data/a%20b.json');
    expect(connection.keyOf('s3://ls-test-2/data/a.json')).toBeNull();
    expect(connection.keyOf('gs://ls-test/data/a.json')).toBeNull();
    expect(connection.keyOf('s3://ls-test/')).toBeNull();
  });

  describe('validate', () => {
    it('accepts a reachable bucket, for import under a prefix that has objects', async () => {
      await expect(connection.validate('import', 'data')).resolves.toBeUndefined();
      await expect(connection.validate('import', null)).resolves.toBeUndefined();
      await expect(connection.validate('export', 'new-prefix')).resolves.toBeUndefined();
    });

    it('refuses an import prefix without objects', async () => {
      await expect(connection.validate('import', 'nothing-here')).rejects.toThrow(
        new StorageConnectionError('s3://ls-test/nothing-here not found.'),
      );
    });

    it('refuses a bucket that does not exist', async () => {
      const missing = connectS3({ ...settings, bucket: 'missing-bucket' }, OPTIONS);
      const error = new StorageConnectionError('Cannot find bucket missing-bucket in S3');
      await expect(missing.validate('import', null)).rejects.toThrow(error);
      await expect(missing.validate('export', null)).rejects.toThrow(error);
      await missing.close();
    });

    it('refuses credentials the store does not know', async () => {
      const stranger = connectS3({ ...settings, aws_access_key_id: 'AKIAUNKNOWN' }, OPTIONS);
      const error = new StorageConnectionError(
        'Cannot connect to S3 ls-test with specified AWS credentials',
      );
      await expect(stranger.validate('import', null)).rejects.toThrow(error);
      await expect(stranger.validate('export', null)).rejects.toThrow(error);
      await stranger.close();
    });
  });

  it('takes credentials from the default chain when the storage has none', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    const chained = connectS3({ bucket: BUCKET, s3_endpoint: server.endpoint }, OPTIONS);
    try {
      await expect(chained.validate('import', 'data')).resolves.toBeUndefined();
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
      await chained.close();
    }
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

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
