import { Readable } from 'node:stream';
import {
  BlobDownloadResponseParsed,
  BlobSASPermissions,
  BlobServiceClient,
  ContainerClient,
  generateBlobSASQueryParameters,
  newPipeline,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
} from '../storage-provider';
import { AzureErrorContext, azureError } from './azure-errors';
import { DelegationKeys } from './azure-delegation-keys';
import { agentPolicy, AzureAgents } from './azure-http';
import { AZURE_BLOB_DEFAULT_ENDPOINT, AzureSettings } from './azure-settings';
import { AddressGuard } from '@ls/core';
import { parseContentRange } from '../content-range';

export interface AzureConnectionOptions {
  /** Refuses reserved addresses (`SSRF_PROTECTION`); null connects anywhere. */
  guard: AddressGuard | null;
  /** Bounds each try of a request (a listing page, a blob read or write). */
  requestTimeoutMs: number;
  /** `AZURE_BLOB_ENDPOINT`: the account URL with `{account}` for its name; '' for Azure's own. */
  endpoint: string;
  /** Blobs per listing page; Azure's own default (and maximum) is 5000. */
  pageSize?: number;
  /** PEM of certificate authorities trusted besides the system's (`STORAGE_CA_FILE`). */
  extraCa?: string | null;
}

/** How a connection signs its requests, and the agents they all go through. */
export interface AzureAuth {
  /** The account's shared key, or a Microsoft Entra ID credential (bearer tokens). */
  credential: StorageSharedKeyCredential | TokenCredential;
  /** Closed with the connection; a token credential's requests go through them as well. */
  agents: AzureAgents;
  /** Words a failure of the token credential as the user can act on it. */
  credentialError?: (error: unknown) => unknown;
}

// Azure's rules for account and container names; they also keep names out of the URL's host
// and path structure.
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const CONTAINER_NAME = /^(\$root|\$web|[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9])$/;

/** SAS URLs are made to live at most a week, as S3's presigned URLs. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * Version of the user delegation SAS URLs. The SDK's default (2026-04-06) only adds optional
 * signed request headers and parameters, which we do not use; this one is verified by Azure and
 * by its emulator alike.
 */
const DELEGATION_SAS_VERSION = '2025-07-05';

/** Checks the settings a client cannot do without; the container's name when they pass. */
export function checkAzureSettings(settings: AzureSettings): string {
  const container = settings.container;
  if (!container) throw new StorageConnectionError('Container name is required');
  if (!CONTAINER_NAME.test(container)) {
    throw new StorageConnectionError(
      `Invalid container name "${settings.container}": 3 to 63 lowercase letters, digits and single hyphens`,
    );
  }
  if (settings.account_name && !ACCOUNT_NAME.test(settings.account_name)) {
    throw new StorageConnectionError(
      `Invalid account name "${settings.account_name}": 3 to 24 lowercase letters and digits`,
    );
  }
  return container;
}

/** The account's URL under the endpoint template. */
export function accountUrl(endpoint: string, accountName: string): string {
  const url = (endpoint || AZURE_BLOB_DEFAULT_ENDPOINT).replaceAll('{account}', accountName);
  const protocol = URL.canParse(url) ? new URL(url).protocol : null;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new StorageConnectionError(`Invalid Azure Blob endpoint "${url}"`);
  }
  return url.replace(/\/+$/, '');
}

/**
 * One container of an Azure Blob Storage account (or of an emulator, `AZURE_BLOB_ENDPOINT`).
 * Every request of its clients goes through its own agents, checked by the guard.
 */
export class AzureConnection implements StorageConnection {
  private readonly service: BlobServiceClient;
  private readonly container: ContainerClient;
  private readonly agents: AzureAgents;
  private readonly context: AzureErrorContext;
  /** Set when requests carry bearer tokens: SAS URLs are then signed with delegation keys. */
  private readonly delegationKeys: DelegationKeys | null;

  constructor(
    private readonly settings: AzureSettings & { container: string; account_name: string },
    private readonly options: AzureConnectionOptions,
    private readonly auth: AzureAuth,
  ) {
    const url = accountUrl(options.endpoint, settings.account_name);
    this.context = { container: settings.container, endpoint: url };
    this.agents = auth.agents;
    const pipeline = newPipeline(auth.credential, {
      retryOptions: {
        maxTries: 3,
        tryTimeoutInMs: options.requestTimeoutMs,
        retryDelayInMs: 200,
        maxRetryDelayInMs: 2000,
      },
    });
    pipeline.factories.push(agentPolicy(this.agents));
    this.service = new BlobServiceClient(url, pipeline);
    this.container = this.service.getContainerClient(settings.container);
    this.delegationKeys =
      auth.credential instanceof StorageSharedKeyCredential
        ? null
        : new DelegationKeys(this.service);
  }

  async *list({ prefix, recursive }: ListOptions): AsyncIterable<ListedObject[]> {
    const options = { prefix: folder(prefix) };
    const pages = recursive
      ? this.container.listBlobsFlat(options).byPage({ maxPageSize: this.options.pageSize })
      : this.container
          .listBlobsByHierarchy('/', options)
          .byPage({ maxPageSize: this.options.pageSize });
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
      const page = await this.call(() => iterator.next());
      if (page.done) return;
      const objects: ListedObject[] = [];
      for (const { name, properties } of page.value.segment.blobItems) {
        if (name.endsWith('/')) continue;
        objects.push({
          key: name,
          modifiedAt: properties.lastModified ?? null,
          size: properties.contentLength ?? null,
        });
      }
      if (objects.length > 0) yield objects;
    }
  }

  async read(key: string, { range, signal }: ReadOptions = {}): Promise<ObjectBody> {
    const blob = this.container.getBlobClient(key);
    const count = range?.end !== undefined ? range.end - range.start + 1 : undefined;
    const response = await this.call(
      () => blob.download(range?.start ?? 0, count, { abortSignal: signal }),
      key,
    );
    return objectBody(response, range !== undefined);
  }

  async write(key: string, body: string | Buffer, contentType: string): Promise<void> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    await this.call(
      () =>
        this.container
          .getBlockBlobClient(key)
          .upload(bytes, bytes.length, { blobHTTPHeaders: { blobContentType: contentType } }),
      key,
    );
  }

  async delete(key: string): Promise<void> {
    await this.call(() => this.container.getBlobClient(key).deleteIfExists(), key);
  }

  /**
   * As Label Studio: the container must exist (`Container not found: <name>`); for import, a
   * prefix must hold something, and the first blob found must be readable. Writing is not tried
   * for export, since a test blob would be left behind or need delete rights.
   */
  async validate(mode: 'import' | 'export', prefix: string | null): Promise<void> {
    await this.call(async () => {
      await this.container.getProperties();
      if (mode === 'export') return;
      const page = await this.container
        .listBlobsFlat({ prefix: folder(prefix) })
        .byPage({ maxPageSize: 1 })
        .next();
      const name = page.done ? undefined : page.value.segment.blobItems[0]?.name;
      if (prefix && !name) {
        throw new StorageConnectionError(`${this.uriOf(prefix)} not found.`);
      }
      if (name && !name.endsWith('/')) {
        await this.container.getBlobClient(name).getProperties();
      }
    });
  }

  uriOf(key: string): string {
    return `azure-blob://${this.settings.container}/${key}`;
  }

  /** As Label Studio's resolver: the rest of the URI after the container, verbatim. */
  keyOf(uri: string): string | null {
    const start = this.uriOf('');
    if (!uri.startsWith(start) || uri.length === start.length) return null;
    return uri.slice(start.length);
  }

  /**
   * A read-only SAS URL of the blob: a service SAS signed with the account key, or, for a
   * service principal, a user delegation SAS signed with a delegation key of the account.
   */
  async presign(key: string, ttlSeconds: number): Promise<string> {
    const seconds = Math.max(1, Math.min(Math.floor(ttlSeconds), MAX_PRESIGN_SECONDS));
    const expiresOn = new Date(Date.now() + seconds * 1000);
    const permissions = BlobSASPermissions.parse('r');
    const blob = this.container.getBlobClient(key);
    const keys = this.delegationKeys;
    if (!keys) return this.call(() => blob.generateSasUrl({ permissions, expiresOn }), key);
    const delegationKey = await this.call(() => keys.validUntil(expiresOn));
    const query = generateBlobSASQueryParameters(
      {
        version: DELEGATION_SAS_VERSION,
        containerName: this.settings.container,
        blobName: key,
        permissions,
        expiresOn: new Date(Math.min(expiresOn.getTime(), delegationKey.signedExpiresOn.getTime())),
      },
      delegationKey,
      this.settings.account_name,
    );
    return `${blob.url}?${query.toString()}`;
  }

  async close(): Promise<void> {
    this.agents.destroy();
  }

  private async call<T>(operation: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw azureError(this.auth.credentialError?.(error) ?? error, { ...this.context, key });
    }
  }
}

/** Label Studio lists `<prefix>/`: a prefix names a folder, never part of a blob name. */
function folder(prefix: string | null): string | undefined {
  return prefix ? `${prefix.replace(/\/+$/, '')}/` : undefined;
}

function objectBody(response: BlobDownloadResponseParsed, ranged: boolean): ObjectBody {
  const stream = response.readableStreamBody;
  if (!stream) throw new Error('Azure answered without a readable body');
  const body = stream instanceof Readable ? stream : Readable.from(stream);
  const range = ranged ? parseContentRange(response.contentRange) : null;
  return {
    body,
    size: response.contentLength ?? null,
    totalSize: range ? range.total : (response.contentLength ?? null),
    contentType: response.contentType ?? null,
    etag: response.etag ?? null,
    lastModified: response.lastModified ?? null,
    range: range && { start: range.start, end: range.end },
  };
}
