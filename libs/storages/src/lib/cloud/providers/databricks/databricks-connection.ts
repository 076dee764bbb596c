import { IncomingMessage } from 'node:http';
import { AddressGuard } from '@ls/core';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../storage-provider';
import { Authorizer, authorizerOf } from './databricks-auth';
import { downloadedBody } from './databricks-body';
import { apiErrorOf, CallContext, DatabricksApiError, databricksError } from './databricks-errors';
import { DatabricksHttp, HttpCall, readJson } from './databricks-http';
import { DirectoryPage, walkVolume } from './databricks-listing';
import { normalizedKey, VolumePaths } from './databricks-paths';
import { DatabricksSettings, databricksTargetOf, DatabricksTarget } from './databricks-settings';

/** The Files API's largest listing page. */
const MAX_PAGE_SIZE = 1000;

export interface DatabricksConnectionOptions {
  /** Refuses reserved addresses (`SSRF_PROTECTION`); null connects anywhere. */
  guard: AddressGuard | null;
  /** `STORAGE_REQUEST_TIMEOUT_MS`: the timeout of a storage whose `request_timeout_s` is 0. */
  requestTimeoutMs: number;
  /** `AZURE_AUTHORITY_HOST`: Entra ID's authority host; '' for Azure's public cloud. */
  azureAuthorityHost: string;
  /** `STORAGE_CA_FILE`'s PEM text. */
  extraCa: string | null;
  /** Entries per listing page (tests make it small). */
  pageSize?: number;
}

/**
 * One Unity Catalog volume through the Databricks Files API (REST 2.0). Keys are paths relative to
 * the volume. Databricks has no presigned URLs, so objects are always proxied by the server.
 */
export class DatabricksConnection implements StorageConnection {
  private readonly target: DatabricksTarget;
  private readonly paths: VolumePaths;
  private readonly http: DatabricksHttp;
  private readonly tokenHttp: DatabricksHttp;
  private readonly auth: Authorizer;
  private readonly secrets: string[];

  constructor(
    settings: DatabricksSettings,
    private readonly options: DatabricksConnectionOptions,
  ) {
    this.target = databricksTargetOf(settings, options.requestTimeoutMs);
    const { catalog, schema, volume, auth } = this.target;
    this.paths = new VolumePaths(catalog, schema, volume);
    this.secrets = auth.type === 'pat' ? [auth.token] : [auth.clientSecret];
    const trust = { extraCa: options.extraCa, verify: this.target.verifyTls };
    this.http = new DatabricksHttp(options.guard, trust, this.target.timeoutMs);
    // `verify_tls` is about the workspace: Entra ID's certificate is always checked.
    this.tokenHttp =
      auth.type === 'azure_ad_sp'
        ? new DatabricksHttp(options.guard, { ...trust, verify: true }, this.target.timeoutMs)
        : this.http;
    this.auth = authorizerOf(auth, this.target.host, options.azureAuthorityHost, this.tokenHttp);
  }

  async *list({ prefix, recursive }: ListOptions): AsyncIterable<ListedObject[]> {
    const start = normalizedKey(prefix ?? '');
    const pageSize = Math.min(this.options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    yield* walkVolume(start, recursive, (directory, pageToken) =>
      this.directoryPage(directory, pageSize, pageToken, directory === start),
    );
  }

  async read(key: string, { range, signal }: ReadOptions = {}): Promise<ObjectBody> {
    const headers: Record<string, string> = range
      ? { Range: `bytes=${range.start}-${range.end ?? ''}` }
      : {};
    const response = await this.call(
      { method: 'GET', url: this.filesUrl(key), headers, signal },
      { key },
    );
    return downloadedBody(response, this.target.chunkBytes);
  }

  async write(key: string, body: string | Buffer, _contentType: string): Promise<void> {
    // The Files API keeps no content type: it takes the bytes as `application/octet-stream`.
    const response = await this.call(
      {
        method: 'PUT',
        url: `${this.filesUrl(key)}?overwrite=true`,
        headers: { 'Content-Type': 'application/octet-stream' },
        body: typeof body === 'string' ? Buffer.from(body) : body,
      },
      { path: this.paths.shown(key) },
    );
    response.resume();
  }

  async delete(key: string): Promise<void> {
    const url = this.filesUrl(key);
    try {
      const response = await this.call({ method: 'DELETE', url }, { key });
      response.resume();
    } catch (error) {
      if (!(error instanceof StorageObjectMissingError)) throw error;
    }
  }

  /**
   * The volume must be there and listable with the credentials; for an import storage its prefix
   * must be a directory holding something, and the first file found must be readable. An export
   * storage's prefix is made by its first write, as Label Studio's export storages do.
   */
  async validate(mode: 'import' | 'export', prefix: string | null): Promise<void> {
    const root = await this.directoryPage('', 1, undefined, true);
    if (mode === 'export') return;
    const directory = normalizedKey(prefix ?? '');
    const page = directory ? await this.directoryPage(directory, 1, undefined, true) : root;
    const first = page?.contents[0];
    if (directory && !first) {
      throw new StorageConnectionError(`No files found in ${this.paths.shown(directory)}`);
    }
    if (first && !first.isDirectory) {
      const key = directory ? `${directory}/${first.name}` : first.name;
      const response = await this.call(
        { method: 'HEAD', url: this.filesUrl(key) },
        { path: this.paths.shown(key) },
      );
      response.resume();
    }
  }

  /** `dbfs:/Volumes/<catalog>/<schema>/<volume>/<key>`, Databricks' own URI of a volume's file. */
  uriOf(key: string): string {
    return `dbfs:${this.paths.root}/${key}`;
  }

  /** The key of a URI of this volume (the rest, verbatim); null for another's or a bad path. */
  keyOf(uri: string): string | null {
    const start = this.uriOf('');
    if (!uri.startsWith(start) || uri.length === start.length) return null;
    const key = uri.slice(start.length);
    try {
      return normalizedKey(key) === key ? key : null;
    } catch {
      return null;
    }
  }

  /** Databricks has no presigned URLs: objects are proxied. */
  async presign(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    this.http.close();
    this.tokenHttp.close();
  }

  /**
   * One page of a directory's entries. A missing start directory is a missing volume or prefix;
   * a subdirectory gone since its parent was listed is null.
   */
  private async directoryPage(
    directory: string,
    pageSize: number,
    pageToken: string | undefined,
    isStart: boolean,
  ): Promise<DirectoryPage | null> {
    const query = new URLSearchParams({ page_size: String(pageSize) });
    if (pageToken) query.set('page_token', pageToken);
    const shown = this.paths.shown(directory);
    const url = `${this.target.host}/api/2.0/fs/directories${this.paths.directory(directory)}?${query}`;
    const notFound = directory
      ? `Prefix not found in the Databricks volume: ${shown}`
      : `Databricks volume not found: ${shown} (check the catalog, schema and volume names)`;
    return this.guarded(
      async () => {
        try {
          return DirectoryPage.of(await readJson(await this.request({ method: 'GET', url })));
        } catch (error) {
          if (!isStart && error instanceof DatabricksApiError && error.status === 404) return null;
          throw error;
        }
      },
      { path: shown, notFound },
    );
  }

  private filesUrl(key: string): string {
    return `${this.target.host}/api/2.0/fs/files${this.paths.file(key)}`;
  }

  /**
   * A Files API request with the storage's credentials; an error answer, or none, as the port's
   * errors. A refused OAuth token is asked for again once (it may have been revoked or rotated).
   */
  private call(call: HttpCall, context: Partial<CallContext>): Promise<IncomingMessage> {
    return this.guarded(() => this.request(call), context);
  }

  private async request(call: HttpCall): Promise<IncomingMessage> {
    for (let attempt = 0; ; attempt++) {
      const authorization = await this.auth.header();
      const response = await this.http.send({
        ...call,
        headers: { ...call.headers, Authorization: authorization },
      });
      const status = response.statusCode ?? 0;
      if (status < 400) return response;
      if (status === 401 && attempt === 0 && this.auth.invalidate()) {
        response.resume();
        continue;
      }
      throw apiErrorOf(status, call.method === 'HEAD' ? null : await readJson(response));
    }
  }

  private async guarded<T>(operation: () => Promise<T>, context: Partial<CallContext>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw databricksError(error, {
        host: this.target.host,
        path: context.path ?? (context.key === undefined ? '' : this.paths.shown(context.key)),
        ...context,
        secrets: this.secrets,
      });
    }
  }
}
