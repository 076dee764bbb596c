import { join, resolve } from 'node:path';
import { Provider } from '@nestjs/common';
import { AppConfig } from '@ls/core';
import { DiskFileStore } from './disk-file-store';
import { FileStore } from './file-store';
import { S3FileStore } from './s3-file-store';

/** `UPLOADS_STORAGE` read: a bucket and a key prefix (no end slashes); null for `DATA_DIR`. */
export function uploadsBucketOf(setting: string): { bucket: string; prefix: string } | null {
  if (setting === '') return null;
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(setting);
  if (!match) throw new Error(`UPLOADS_STORAGE must be empty or s3://bucket/prefix`);
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** The file store the settings choose: `DATA_DIR`, or the bucket of `UPLOADS_STORAGE`. */
export function fileStoreOf(config: AppConfig): FileStore {
  const bucket = uploadsBucketOf(config.UPLOADS_STORAGE);
  if (!bucket) return new DiskFileStore(config.DATA_DIR);
  return new S3FileStore({
    settings: {
      bucket: bucket.bucket,
      s3_endpoint: config.UPLOADS_S3_ENDPOINT,
      region_name: config.UPLOADS_S3_REGION,
      aws_access_key_id: config.UPLOADS_S3_ACCESS_KEY_ID,
      aws_secret_access_key: config.UPLOADS_S3_SECRET_ACCESS_KEY,
    },
    prefix: bucket.prefix,
    requestTimeoutMs: config.STORAGE_REQUEST_TIMEOUT_MS,
    temporaryRoot: join(resolve(config.DATA_DIR), 'tmp'),
  });
}

export const FILE_STORE_PROVIDER: Provider = {
  provide: FileStore,
  useFactory: fileStoreOf,
  inject: [AppConfig],
};
