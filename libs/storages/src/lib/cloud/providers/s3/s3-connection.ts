import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectCommandOutput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../storage-provider';
import { checkS3Settings, createS3Client, S3Credentials, staticCredentials } from './s3-client';
import { ErrorContext, storageError } from './s3-errors';
import { s3HttpHandler } from './s3-http-handler';
import { S3Settings } from './s3-settings';
import { AddressGuard } from '@ls/core';
import { parseContentRange } from '../content-range';

export interface S3ConnectionOptions {
  /** Refuses reserved addresses (`SSRF_PROTECTION`); null connects anywhere. */
  guard: AddressGuard | null;
  /** Bounds connecting, waiting for a response and each silence while reading a body. */
  requestTimeoutMs: number;
  /** Keys per ListObjectsV2 page; S3's own default (and maximum) is 1000. */
  pageSize?: number;
  /** PEM of certificate authorities trusted besides the system's (`STORAGE_CA_FILE`). */
  extraCa?: string | null;
}

/** Credentials made elsewhere (an assumed role) and what to release with the connection. */
export interface S3Auth {
  credentials: S3Credentials;
  close(): void;
}

/** Presigned URLs live at most a week (SigV4); Label Studio's TTL field allows more. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * One bucket of AWS S3 or of an S3-compatible store (`s3_endpoint`). With a guard, every
 * connection it opens is checked against the reserved networks.
 */
export class S3Connection implements StorageConnection {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly context: ErrorContext;

  constructor(
    private readonly settings: S3Settings,
    private readonly options: S3ConnectionOptions,
    private readonly auth?: S3Auth,
  ) {
    checkS3Settings(settings);
    this.bucket = settings.bucket;
    this.context = { bucket: this.bucket, endpoint: settings.s3_endpoint || 'AWS' };
    const handler = s3HttpHandler(options.guard, options.requestTimeoutMs, options.extraCa);
    this.client = createS3Client(
      settings,
      handler,
      auth?.credentials ?? staticCredentials(settings),
    );
  }

  async *list({ prefix, recursive }: ListOptions): AsyncIterable<ListedObject[]> {
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: folder(prefix),
            Delimiter: recursive ? undefined : '/',
            MaxKeys: this.options.pageSize,
            ContinuationToken: token,
          }),
        ),
      );
      const objects: ListedObject[] = [];
      for (const { Key, LastModified, Size } of page.Contents ?? []) {
        if (!Key || Key.endsWith('/')) continue;
        objects.push({ key: Key, modifiedAt: LastModified ?? null, size: Size ?? null });
      }
      if (objects.length > 0) yield objects;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async read(key: string, { range, signal }: ReadOptions = {}): Promise<ObjectBody> {
    const output = await this.call(
      () =>
        this.client.send(
          new GetObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
          }),
          { abortSignal: signal },
        ),
      key,
    );
    return objectBody(output);
  }

  async write(key: string, body: string | Buffer, contentType: string): Promise<void> {
    const kmsKey = this.settings.aws_sse_kms_key_id;
    await this.call(
      () =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            ...(kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKey } : {}),
          }),
        ),
      key,
    );
  }

  async delete(key: string): Promise<void> {
    try {
      await this.call(
        () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
        key,
      );
    } catch (error) {
      // S3 answers 204 for a missing key; some compatible stores answer 404.
      if (!(error instanceof StorageObjectMissingError)) throw error;
    }
  }

  /**
   * Import: the bucket lists under the prefix, which must hold something when set (as in Label
   * Studio), and the first object found can be read. Export: the bucket is there and ours to
   * reach; writing is not tried, since a test object would be left behind or need delete rights.
   */
  async validate(mode: 'import' | 'export', prefix: string | null): Promise<void> {
    await this.call(async () => {
      if (mode === 'export') {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
        return;
      }
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: folder(prefix), MaxKeys: 1 }),
      );
      const key = page.Contents?.[0]?.Key;
      if (prefix && !key) {
        throw new StorageConnectionError(`${this.uriOf(prefix)} not found.`);
      }
      if (key && !key.endsWith('/')) {
        await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      }
    });
  }

  uriOf(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  /** As Label Studio's resolver: the rest of the URI after the bucket, verbatim (not decoded). */
  keyOf(uri: string): string | null {
    const start = this.uriOf('');
    if (!uri.startsWith(start) || uri.length === start.length) return null;
    return uri.slice(start.length);
  }

  async presign(key: string, ttlSeconds: number): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key });
    const expiresIn = Math.max(1, Math.min(Math.floor(ttlSeconds), MAX_PRESIGN_SECONDS));
    return this.call(() => getSignedUrl(this.client, command, { expiresIn }), key);
  }

  async close(): Promise<void> {
    this.client.destroy();
    this.auth?.close();
  }

  private async call<T>(operation: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw storageError(error, { ...this.context, key });
    }
  }
}

/** Label Studio lists `<prefix>/`: a prefix names a folder, never part of a file name. */
function folder(prefix: string | null): string | undefined {
  return prefix ? `${prefix.replace(/\/+$/, '')}/` : undefined;
}

function objectBody(output: GetObjectCommandOutput): ObjectBody {
  if (!(output.Body instanceof Readable)) {
    throw new Error('S3 answered without a readable body');
  }
  const range = parseContentRange(output.ContentRange);
  return {
    body: output.Body,
    size: output.ContentLength ?? null,
    totalSize: range ? range.total : (output.ContentLength ?? null),
    contentType: output.ContentType ?? null,
    etag: output.ETag ?? null,
    lastModified: output.LastModified ?? null,
    range: range && { start: range.start, end: range.end },
  };
}
