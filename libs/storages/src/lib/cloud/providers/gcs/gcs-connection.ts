import { Readable } from 'node:stream';
import { Bucket, GetFilesOptions, Storage } from '@google-cloud/storage';
import { GoogleAuth } from 'google-auth-library';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
} from '../storage-provider';
import { GCS_SCOPE, serviceAccountAuth, StorageAuth } from './gcs-auth';
import { parseServiceAccount } from './gcs-credentials';
import { ErrorContext, storageError } from './gcs-errors';
import { GcsHttp } from './gcs-http';
import { GcsConnectionOptions, GcsSettings } from './gcs-settings';
import { parseContentRange } from '../content-range';

/** V4 signed URLs live at most a week; Label Studio's TTL field allows more. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

// GCS's rules for bucket names (3-63 characters, or up to 222 with dots); it also keeps `/` out.
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** How the SDK answers a media download: headers of the HTTP response. */
interface MediaResponse {
  statusCode?: number;
  headers: Record<string, string | undefined>;
}

/** Checks the settings a client cannot do without; every problem is the user's to fix. */
export function checkGcsSettings(settings: GcsSettings): void {
  if (!settings.bucket) throw new StorageConnectionError('Bucket name is required');
  if (!BUCKET_NAME.test(settings.bucket)) {
    throw new StorageConnectionError(`Invalid bucket name "${settings.bucket}"`);
  }
}

/**
 * One bucket of Google Cloud Storage (or of an emulator at `GCS_API_ENDPOINT`), through the
 * official SDK. Every socket it opens, the access token's included, goes through the guard.
 */
export class GcsConnection implements StorageConnection {
  private readonly http: GcsHttp;
  private readonly bucket: Bucket;
  private readonly context: ErrorContext;

  /** `authWith`: the storage's own credentials, requesting through the connection's sockets. */
  constructor(
    private readonly settings: GcsSettings,
    private readonly options: GcsConnectionOptions,
    authWith?: (http: GcsHttp) => StorageAuth,
  ) {
    checkGcsSettings(settings);
    this.http = new GcsHttp(options.guard, options.requestTimeoutMs, options.extraCa);
    try {
      const authClient: GoogleAuth =
        (authWith?.(this.http) as unknown as GoogleAuth | undefined) ??
        (settings.google_application_credentials
          ? (serviceAccountAuth(
              parseServiceAccount(settings.google_application_credentials),
              this.http,
            ) as unknown as GoogleAuth)
          : // No key: the server's own credentials (Application Default Credentials).
            new GoogleAuth({ scopes: [GCS_SCOPE] }));
      const timeout = options.requestTimeoutMs;
      const storage = new Storage({
        projectId: settings.google_project_id || undefined,
        authClient,
        ...(options.apiEndpoint
          ? { apiEndpoint: options.apiEndpoint, useAuthWithCustomEndpoint: true }
          : {}),
        // One retry: a refused address or a store that does not answer is not worth more waits.
        retryOptions: { maxRetries: 1, totalTimeout: Math.ceil((2 * timeout) / 1000) },
        // The SDK's own request timeout is a minute; ours bounds every request. (Its types ask for
        // a `uri`, which every request it intercepts has.)
        interceptors_: [{ request: (request) => Object.assign(request, { timeout }) as never }],
      });
      this.bucket = storage.bucket(settings.bucket);
    } catch (error) {
      this.http.close();
      throw error;
    }
    this.context = {
      bucket: settings.bucket,
      endpoint: options.apiEndpoint || 'https://storage.googleapis.com',
    };
  }

  async *list({ prefix, recursive }: ListOptions): AsyncIterable<ListedObject[]> {
    let pageToken: string | undefined;
    do {
      const query: GetFilesOptions = {
        prefix: folder(prefix),
        delimiter: recursive ? undefined : '/',
        maxResults: this.options.pageSize,
        pageToken,
        autoPaginate: false,
      };
      const [files, next] = await this.call(() => this.bucket.getFiles(query));
      const objects: ListedObject[] = [];
      for (const file of files) {
        if (file.name.endsWith('/')) continue;
        const { updated, size } = file.metadata;
        objects.push({
          key: file.name,
          modifiedAt: updated ? new Date(updated) : null,
          size: size === undefined ? null : Number(size),
        });
      }
      if (objects.length > 0) yield objects;
      pageToken = (next as { pageToken?: string } | null)?.pageToken;
    } while (pageToken);
  }

  async read(key: string, { range, signal }: ReadOptions = {}): Promise<ObjectBody> {
    const file = this.bucket.file(key);
    return this.call(
      () =>
        new Promise<ObjectBody>((resolve, reject) => {
          const stream = file.createReadStream(
            range
              ? { start: range.start, ...(range.end === undefined ? {} : { end: range.end }) }
              : {},
          );
          const abort = () => stream.destroy(new DOMException('Aborted', 'AbortError'));
          signal?.addEventListener('abort', abort, { once: true });
          stream.once('error', (error) => {
            signal?.removeEventListener('abort', abort);
            reject(error);
          });
          stream.once('response', (response: MediaResponse) => {
            if ((response.statusCode ?? 200) >= 300) return; // the stream errors with the body
            resolve(objectBody(stream, response));
          });
          // The SDK starts the request when the stream is first read: here, so it is made inside
          // this connection's call (with its agents), not wherever the body is consumed.
          stream.read(0);
        }),
      key,
    );
  }

  async write(key: string, body: string | Buffer, contentType: string): Promise<void> {
    // One request (multipart upload): annotations are small, a resumable session is not needed.
    await this.call(
      () => this.bucket.file(key).save(body, { contentType, resumable: false, validation: false }),
      key,
    );
  }

  async delete(key: string): Promise<void> {
    await this.call(() => this.bucket.file(key).delete({ ignoreNotFound: true }), key);
  }

  /**
   * As Label Studio: the bucket is there and ours to read (bucket get), and, for an import
   * storage with a prefix, something is under the prefix.
   */
  async validate(mode: 'import' | 'export', prefix: string | null): Promise<void> {
    await this.call(async () => {
      await this.bucket.getMetadata();
      if (mode === 'export' || !prefix) return;
      const [files] = await this.bucket.getFiles({
        prefix: folder(prefix),
        maxResults: 1,
        autoPaginate: false,
      });
      if (files.length === 0) {
        throw new StorageConnectionError(
          `No blobs found in ${this.settings.bucket}/${prefix} or prefix doesn't exist`,
        );
      }
    });
  }

  uriOf(key: string): string {
    return `gs://${this.settings.bucket}/${key}`;
  }

  /** The rest of the URI after the bucket, verbatim (not decoded), as Label Studio's resolver. */
  keyOf(uri: string): string | null {
    const start = this.uriOf('');
    if (!uri.startsWith(start) || uri.length === start.length) return null;
    return uri.slice(start.length);
  }

  /** A V4 signed URL, signed with the service account's key (or by IAM `signBlob`). */
  async presign(key: string, ttlSeconds: number): Promise<string> {
    const seconds = Math.max(1, Math.min(Math.floor(ttlSeconds), MAX_PRESIGN_SECONDS));
    const [url] = await this.call(
      () =>
        this.bucket.file(key).getSignedUrl({
          version: 'v4',
          action: 'read',
          expires: Date.now() + seconds * 1000,
        }),
      key,
    );
    return url;
  }

  async close(): Promise<void> {
    this.http.close();
  }

  private async call<T>(operation: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await this.http.run(operation);
    } catch (error) {
      throw storageError(error, { ...this.context, key });
    }
  }
}

/** Label Studio lists `<prefix>/`: a prefix names a folder, never part of a file name. */
function folder(prefix: string | null): string | undefined {
  return prefix ? `${prefix.replace(/\/+$/, '')}/` : undefined;
}

function objectBody(stream: Readable, response: MediaResponse): ObjectBody {
  const header = (name: string) => response.headers[name] ?? null;
  const length = header('content-length');
  const size = length === null ? null : Number(length);
  const range = parseContentRange(header('content-range'));
  const modified = header('last-modified');
  return {
    body: stream,
    // A gzip-encoded object is decompressed by the SDK: its length is then not the body's.
    size: header('content-encoding') === 'gzip' ? null : size,
    totalSize: range ? range.total : size,
    contentType: header('content-type'),
    etag: header('etag'),
    lastModified: modified ? new Date(modified) : null,
    range: range && { start: range.start, end: range.end },
  };
}
