import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { OnModuleDestroy } from '@nestjs/common';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectCommandOutput,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  checkS3Settings,
  createS3Client,
  staticCredentials,
} from '../cloud/providers/s3/s3-client';
import { storageError } from '../cloud/providers/s3/s3-errors';
import { s3HttpHandler } from '../cloud/providers/s3/s3-http-handler';
import { S3Settings } from '../cloud/providers/s3/s3-settings';
import { StorageObjectMissingError } from '../cloud/providers/storage-provider';
import {
  assertStoredName,
  ByteSpan,
  FileStore,
  LocalFile,
  PresignOptions,
  StoredFileInfo,
} from './file-store';

/** Parts of a multipart upload, and how many go at once: what one upload holds in memory. */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_AT_ONCE = 2;

export interface S3FileStoreOptions {
  /** Bucket, endpoint, region and key pair (none: the SDK's default chain). */
  settings: S3Settings;
  /** Every name is stored as `<prefix>/<name>`; '' for the bucket's root. */
  prefix: string;
  requestTimeoutMs: number;
  temporaryRoot: string;
}

const isUnsatisfiableRange = (error: unknown) =>
  (error as { name?: string }).name === 'InvalidRange' ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416;

/**
 * Files as objects of one bucket (`UPLOADS_STORAGE=s3://bucket/prefix`), reached with the
 * operator's settings (no address guard: the endpoint is the operator's, not a user's). Large
 * files go up as multipart uploads of {@link PART_SIZE} bytes; an object exists only once
 * complete.
 */
export class S3FileStore extends FileStore implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly endpoint: string;

  constructor(options: S3FileStoreOptions) {
    super(options.temporaryRoot);
    checkS3Settings(options.settings);
    this.bucket = options.settings.bucket;
    this.prefix = options.prefix;
    this.endpoint = options.settings.s3_endpoint || 'AWS';
    this.client = createS3Client(
      options.settings,
      s3HttpHandler(null, options.requestTimeoutMs),
      staticCredentials(options.settings),
    );
  }

  /** The object key of a stored name. */
  keyOf(name: string): string {
    assertStoredName(name);
    return this.prefix ? `${this.prefix}/${name}` : name;
  }

  async put(
    name: string,
    content: Readable,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    let contentError: unknown;
    content.on('error', (error) => (contentError ??= error));
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: this.keyOf(name),
        Body: content,
        ContentType: contentType,
      },
      partSize: PART_SIZE,
      queueSize: PARTS_AT_ONCE,
    });
    try {
      await upload.done();
    } catch (error) {
      content.destroy();
      throw contentError ?? this.mapped(error, name);
    }
  }

  async putLocal(name: string, path: string, contentType?: string): Promise<void> {
    try {
      await this.put(name, createReadStream(path), contentType);
    } finally {
      await rm(path, { force: true });
    }
  }

  async stat(name: string, headBytes: number): Promise<StoredFileInfo | null> {
    try {
      if (headBytes > 0) {
        // One request for the size, the date and the first bytes; an empty object has no range.
        const output = await this.get(name, { start: 0, end: headBytes - 1 }).catch(
          (error: unknown) => (isUnsatisfiableRange(error) ? null : Promise.reject(error)),
        );
        if (output) {
          const head = await buffer(bodyOf(output));
          return { size: totalSizeOf(output), modifiedAt: output.LastModified ?? new Date(), head };
        }
      }
      const output = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }),
      );
      const info = {
        size: output.ContentLength ?? 0,
        modifiedAt: output.LastModified ?? new Date(),
      };
      return { ...info, head: Buffer.alloc(0) };
    } catch (error) {
      const mapped = this.mapped(error, name);
      if (mapped instanceof StorageObjectMissingError) return null;
      throw mapped;
    }
  }

  async read(name: string, span?: ByteSpan): Promise<Readable> {
    try {
      return bodyOf(await this.get(name, span));
    } catch (error) {
      throw this.mapped(error, name);
    }
  }

  async localCopy(name: string): Promise<LocalFile> {
    const path = await this.temporaryPath();
    const release = () => rm(path, { force: true });
    try {
      await pipeline(await this.read(name), createWriteStream(path));
    } catch (error) {
      await release();
      throw error;
    }
    return { path, release };
  }

  async delete(name: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }),
      );
    } catch (error) {
      const mapped = this.mapped(error, name);
      // S3 answers 204 for a missing key; some compatible stores answer 404.
      if (!(mapped instanceof StorageObjectMissingError)) throw mapped;
    }
  }

  async presign(name: string, options: PresignOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.keyOf(name),
      // The store sends our type and disposition, not the ones the object was stored with.
      ResponseContentType: options.contentType,
      ResponseContentDisposition: options.contentDisposition,
      ResponseCacheControl: 'private, no-cache',
    });
    return getSignedUrl(this.client, command, { expiresIn: Math.floor(options.ttlSeconds) });
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  private get(name: string, span?: ByteSpan): Promise<GetObjectCommandOutput> {
    return this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(name),
        Range: span ? `bytes=${span.start}-${span.end}` : undefined,
      }),
    );
  }

  private mapped(error: unknown, name: string): unknown {
    const mapped = storageError(error, {
      bucket: this.bucket,
      endpoint: this.endpoint,
      key: this.keyOf(name),
    });
    return mapped instanceof StorageObjectMissingError
      ? new StorageObjectMissingError(name)
      : mapped;
  }
}

function bodyOf(output: GetObjectCommandOutput): Readable {
  if (!(output.Body instanceof Readable)) throw new Error('S3 answered without a readable body');
  return output.Body;
}

/** The whole object's size: after the `/` of `Content-Range` for a range, else the length. */
function totalSizeOf(output: GetObjectCommandOutput): number {
  const total = /\/(\d+)$/.exec(output.ContentRange ?? '');
  return total ? Number(total[1]) : (output.ContentLength ?? 0);
}
