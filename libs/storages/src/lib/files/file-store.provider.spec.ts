import { ConfigError, loadConfig } from '@ls/core';
import { DiskFileStore } from './disk-file-store';
import { fileStoreOf, uploadsBucketOf } from './file-store.provider';
import { S3FileStore } from './s3-file-store';

describe('UPLOADS_STORAGE', () => {
  it.each([
    ['', null],
    ['s3://bucket', { bucket: 'bucket', prefix: '' }],
    ['s3://bucket/', { bucket: 'bucket', prefix: '' }],
    ['s3://my.bucket/some/prefix/', { bucket: 'my.bucket', prefix: 'some/prefix' }],
  ])('%j names %j', (setting, bucket) => {
    expect(uploadsBucketOf(setting)).toEqual(bucket);
  });

  it.each(['s3://', 'gs://bucket/prefix', '/data', 's3://bad bucket', 's3://a/b c'])(
    'refuses %j at start, naming the variable',
    (setting) => {
      expect(() => loadConfig({ UPLOADS_STORAGE: setting })).toThrow(ConfigError);
      expect(() => loadConfig({ UPLOADS_STORAGE: setting })).toThrow(
        /^Invalid setting UPLOADS_STORAGE:/,
      );
    },
  );

  it('refuses half a key pair, an endpoint that is not http(s) and a TTL over a week', () => {
    expect(() => loadConfig({ UPLOADS_S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /^Invalid setting UPLOADS_S3_ACCESS_KEY_ID:/,
    );
    expect(() => loadConfig({ UPLOADS_S3_SECRET_ACCESS_KEY: 'secret' })).toThrow(
      /^Invalid setting UPLOADS_S3_SECRET_ACCESS_KEY: .*<hidden>/,
    );
    expect(() => loadConfig({ UPLOADS_S3_ENDPOINT: 'ftp://host' })).toThrow(
      /^Invalid setting UPLOADS_S3_ENDPOINT:/,
    );
    expect(() => loadConfig({ UPLOADS_PRESIGN_TTL_SECONDS: String(8 * 24 * 3600) })).toThrow(
      /^Invalid setting UPLOADS_PRESIGN_TTL_SECONDS:/,
    );
  });

  it('chooses DATA_DIR by default and the bucket when set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ UPLOADS_STORAGE: '', UPLOADS_PRESIGN: false });
    expect(fileStoreOf(config)).toBeInstanceOf(DiskFileStore);
    const s3 = fileStoreOf(
      loadConfig({
        UPLOADS_STORAGE: 's3://bucket/files',
        UPLOADS_S3_ENDPOINT: 'http://127.0.0.1:9000',
        UPLOADS_S3_ACCESS_KEY_ID: 'id',
        UPLOADS_S3_SECRET_ACCESS_KEY: 'secret',
        UPLOADS_PRESIGN: 'true',
      }),
    );
    expect(s3).toBeInstanceOf(S3FileStore);
    expect((s3 as S3FileStore).keyOf('upload/1/ab-x.csv')).toBe('files/upload/1/ab-x.csv');
    expect(() => (s3 as S3FileStore).keyOf('upload/../x')).toThrow(/Not a stored file name/);
    (s3 as S3FileStore).onModuleDestroy();
  });
});
