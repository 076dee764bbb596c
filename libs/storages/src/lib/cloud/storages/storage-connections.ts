import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { SecretBox } from '@ls/auth';
import { AddressGuard, AppConfig, ValidationFailedException } from '@ls/core';
import { StorageConnection, StorageConnectionError } from '../providers/storage-provider';
import { CloudStorage, StorageDirection } from './cloud-storage.entity';
import { connectionSettings } from './storage-settings';
import { ConnectionContext, StorageType } from './storage-type';
import { StorageTypes } from './storage-types';

/** Connections kept open for the resolve routes (clients, sockets, assumed-role credentials). */
const CACHED_CONNECTIONS = 100;

/** Opens connections to storages, with their secrets unsealed and the address guard applied. */
@Injectable()
export class StorageConnections implements OnModuleDestroy {
  private readonly guard: AddressGuard | null;
  private readonly extraCa: string | null;
  private readonly openConnections = new LRUCache<string, Promise<StorageConnection>>({
    max: CACHED_CONNECTIONS,
    dispose: (connection) => void connection.then((open) => open.close()).catch(() => undefined),
  });

  constructor(
    private readonly config: AppConfig,
    private readonly secretBox: SecretBox,
    private readonly types: StorageTypes,
  ) {
    this.guard = AddressGuard.fromSettings(config, (host) => lookup(host, { all: true }));
    this.extraCa = config.STORAGE_CA_FILE ? readCaFile(config.STORAGE_CA_FILE) : null;
  }

  context(direction: StorageDirection): ConnectionContext {
    return {
      direction,
      guard: this.guard,
      requestTimeoutMs: this.config.STORAGE_REQUEST_TIMEOUT_MS,
      stsEndpoint: this.config.STORAGE_STS_ENDPOINT,
      azureBlobEndpoint: this.config.AZURE_BLOB_ENDPOINT,
      gcsApiEndpoint: this.config.GCS_API_ENDPOINT,
      gcsWif: {
        subjectTokenFile: this.config.GCS_WIF_SUBJECT_TOKEN_FILE,
        subjectTokenType: this.config.GCS_WIF_SUBJECT_TOKEN_TYPE,
        stsEndpoint: this.config.GCS_STS_ENDPOINT,
        iamCredentialsEndpoint: this.config.GCS_IAM_CREDENTIALS_ENDPOINT,
      },
      azureAuthorityHost: this.config.AZURE_AUTHORITY_HOST,
      extraCa: this.extraCa,
      localFilesDocumentRoot: this.config.LOCAL_FILES_DOCUMENT_ROOT,
      localFilesServingEnabled: this.config.LOCAL_FILES_SERVING_ENABLED,
    };
  }

  async secretsOf(storage: Pick<CloudStorage, 'sealed_secrets'>): Promise<Record<string, unknown>> {
    if (!storage.sealed_secrets) return {};
    const opened = await this.secretBox.open(storage.sealed_secrets);
    // Sealed under another SECRET_KEY: the storage connects as if no secret was given.
    return opened === null ? {} : (JSON.parse(opened) as Record<string, unknown>);
  }

  seal(secrets: Record<string, unknown>): Promise<string | null> {
    return Object.keys(secrets).length === 0
      ? Promise.resolve(null)
      : this.secretBox.seal(JSON.stringify(secrets));
  }

  async open(storage: CloudStorage): Promise<StorageConnection> {
    const storageType = this.types.get(storage.type);
    return storageType.connect(
      connectionSettings(storage.settings, await this.secretsOf(storage)),
      this.context(storage.direction),
    );
  }

  /**
   * A connection kept for later requests, made anew once the storage changes (its
   * `updated_at`). For short requests (resolving a URI), where connecting each time would cost
   * more than the request.
   */
  cached(storage: CloudStorage): Promise<StorageConnection> {
    const key = `${storage.id}:${storage.updated_at.getTime()}`;
    let connection = this.openConnections.get(key);
    if (!connection) {
      connection = this.open(storage);
      connection.catch(() => this.openConnections.delete(key));
      this.openConnections.set(key, connection);
    }
    return connection;
  }

  onModuleDestroy(): void {
    this.openConnections.clear();
  }

  /**
   * Connects with `settings` and checks the storage can do its job; a problem the user can fix
   * is a 400 naming it, as Label Studio's validate answers.
   */
  async check(
    storageType: StorageType,
    direction: StorageDirection,
    settings: Record<string, unknown>,
  ): Promise<void> {
    const context = this.context(direction);
    const problem = storageType.check?.(settings, context);
    if (problem) throw new ValidationFailedException({ non_field_errors: [problem] });
    let connection: StorageConnection | undefined;
    try {
      connection = storageType.connect(settings, context);
      await connection.validate(direction, (settings.prefix as string | undefined) ?? null);
    } catch (error) {
      if (error instanceof StorageConnectionError) {
        throw new ValidationFailedException({ non_field_errors: [error.message] });
      }
      throw error;
    } finally {
      await connection?.close();
    }
  }
}

/** The PEM text of `STORAGE_CA_FILE`; a start with an unreadable or empty one fails, saying why. */
function readCaFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`STORAGE_CA_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`STORAGE_CA_FILE ${path} holds no PEM certificate`);
  }
  return pem;
}
