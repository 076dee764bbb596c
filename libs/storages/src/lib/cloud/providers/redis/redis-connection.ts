import { Redis } from 'ioredis';
import { Readable } from 'node:stream';
import { satisfiableRange } from '../localfiles/byte-ranges';
import {
  ListedObject,
  ListOptions,
  ObjectBody,
  ReadOptions,
  StorageConnection,
  StorageConnectionError,
  StorageObjectMissingError,
} from '../storage-provider';
import { connectAddress } from './redis-address';
import { prefixPattern, SeenKeys } from './redis-keys';
import { DB_REQUIRED, problem, redisProblem, RedisTarget } from './redis-problems';
import { REDIS_DEFAULT_HOST, REDIS_DEFAULT_PORT, RedisSettings } from './redis-settings';
import { AddressGuard } from '@ls/core';

export interface RedisConnectionOptions {
  /** Refuses reserved addresses; null connects anywhere (`SSRF_PROTECTION=false`). */
  guard: AddressGuard | null;
  /** Limit of the TCP connect and of every command. */
  requestTimeoutMs: number;
}

/** Keys SCAN looks at per call: big enough for few round trips, small enough not to stall Redis. */
const SCAN_COUNT = 1000;

/** Label Studio has no URI for Redis keys (its Redis storages resolve none): ours, for links. */
const URI_SCHEME = 'redis://';

/**
 * A Redis import or export storage: keys under `path` hold task JSON (import) or annotation
 * JSON (export). Connects on first use, to the address the guard approved, and fails fast:
 * no reconnection and no offline queue, so a lost server is an error, never a wait.
 */
export class RedisConnection implements StorageConnection {
  private client: Promise<Redis> | null = null;

  constructor(
    private readonly settings: RedisSettings,
    private readonly options: RedisConnectionOptions,
  ) {}

  /** Keys in SCAN order, each once; `prefix`, when given, replaces the storage's `path`. */
  async *list(options: ListOptions): AsyncIterable<ListedObject[]> {
    const client = await this.connected();
    const pattern = prefixPattern(options.prefix ?? this.settings.path ?? '');
    const seen = new SeenKeys();
    let cursor = '0';
    do {
      const [next, keys] = await this.run(() =>
        client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT),
      );
      cursor = next;
      const page = keys
        .filter((key) => seen.add(key))
        .map((key) => ({ key, modifiedAt: null, size: null }));
      if (page.length > 0) yield page;
    } while (cursor !== '0');
  }

  async read(key: string, options: ReadOptions = {}): Promise<ObjectBody> {
    options.signal?.throwIfAborted();
    const client = await this.connected();
    const value = await this.run(() => client.getBuffer(key));
    if (value === null) throw new StorageObjectMissingError(key);
    const range = satisfiableRange(options.range, value.length);
    const body = range ? value.subarray(range.start, range.end + 1) : value;
    return {
      body: Readable.from([body], { objectMode: false }),
      size: body.length,
      totalSize: value.length,
      contentType: 'application/json',
      etag: null,
      lastModified: null,
      range,
    };
  }

  async write(key: string, body: string | Buffer, _contentType?: string): Promise<void> {
    const client = await this.connected();
    await this.run(() => client.set(key, body));
  }

  async delete(key: string): Promise<void> {
    const client = await this.connected();
    await this.run(() => client.del(key));
  }

  /** Connecting already selects the database and pings; an import storage also lists a page. */
  async validate(mode: 'import' | 'export', prefix: string | null): Promise<void> {
    const client = await this.connected();
    if (mode === 'import') {
      const pattern = prefixPattern(prefix ?? this.settings.path ?? '');
      await this.run(() => client.scan('0', 'MATCH', pattern, 'COUNT', SCAN_COUNT));
    }
  }

  uriOf(key: string): string {
    return `${URI_SCHEME}${key}`;
  }

  keyOf(uri: string): string | null {
    if (!uri.startsWith(URI_SCHEME)) return null;
    const key = uri.slice(URI_SCHEME.length);
    return key.startsWith(this.settings.path ?? '') ? key : null;
  }

  async presign(): Promise<string | null> {
    return null;
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = null;
    const client = await pending?.catch(() => null);
    if (!client || client.status === 'end') return;
    await client.quit().catch(() => client.disconnect());
  }

  private get target(): RedisTarget {
    return {
      host: this.settings.host || REDIS_DEFAULT_HOST,
      port: Number(this.settings.port) || REDIS_DEFAULT_PORT,
      db: this.settings.db ?? 0,
    };
  }

  private connected(): Promise<Redis> {
    this.client ??= this.connect();
    return this.client;
  }

  private async connect(): Promise<Redis> {
    const db = Number(this.settings.db ?? 0);
    // Label Studio refuses db 0 as well: a storage must never fall back to the default database.
    if (!db) throw new StorageConnectionError(DB_REQUIRED);
    if (!Number.isInteger(db) || db < 0) throw problem(`${db} is not a database index`);
    const port = portOf(this.settings.port);
    const target = this.target;
    const client = new Redis({
      host: await connectAddress(target.host, this.options.guard),
      port,
      password: this.settings.password || undefined,
      lazyConnect: true,
      enableReadyCheck: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
      connectTimeout: this.options.requestTimeoutMs,
      commandTimeout: this.options.requestTimeoutMs,
    });
    // The cause of a failed connection only comes as an event; connect() says "closed".
    let failure: Error | null = null;
    client.on('error', (error: Error) => (failure ??= error));
    try {
      await client.connect();
      // Selected by hand: ioredis' `db` option leaves the connection on db 0 when SELECT fails.
      await client.select(db);
      await client.ping();
    } catch (error) {
      // Disconnecting a client whose socket is already gone leaves a 2 s timer of ioredis behind.
      if (client.status !== 'end') client.disconnect();
      const cause = failure ?? (error as Error);
      throw (
        redisProblem(cause, target) ?? problem(`${target.host}:${target.port}: ${cause.message}`)
      );
    }
    return client;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw redisProblem(error, this.target) ?? error;
    }
  }
}

/** Settings may come unconverted from a stored row: a number where a string is promised. */
function portOf(text: string | number | null | undefined): number {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return REDIS_DEFAULT_PORT;
  const port = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || port < 1 || port > 65535) {
    throw problem(`${text} is not a port number`);
  }
  return port;
}
