import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StorageConnection } from '../providers/storage-provider';
import { CloudStorage } from '../storages/cloud-storage.entity';
import { StorageConnections } from '../storages/storage-connections';

/** An import storage of a project, connected. */
export interface StorageReader {
  storage: CloudStorage;
  connection: StorageConnection;
}

export interface ResolvedObject extends StorageReader {
  key: string;
}

/**
 * Finds which of a project's import storages can read a URI of its task data: the one whose
 * bucket (or equivalent) the URI names and whose prefix the key is under, as Label Studio does.
 */
@Injectable()
export class StorageResolver {
  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    private readonly connections: StorageConnections,
  ) {}

  /** The storage and key of `uri`; 404 when no import storage of the project has it. */
  async resolve(projectId: number, uri: string): Promise<ResolvedObject> {
    const found = objectIn(await this.readersOf(projectId), uri);
    if (!found) throw new NotFoundException(`No storage of this project can resolve ${uri}`);
    return found;
  }

  /** The project's import storages with their (kept) connections, oldest first. */
  async readersOf(projectId: number): Promise<StorageReader[]> {
    const storages = await this.storages.find({
      where: { project_id: projectId, direction: 'import' },
      order: { id: 'ASC' },
    });
    const readers: StorageReader[] = [];
    for (const storage of storages) {
      // A storage whose settings no longer connect resolves nothing.
      const connection = await this.connections.cached(storage).catch(() => null);
      if (connection) readers.push({ storage, connection });
    }
    return readers;
  }
}

/**
 * The first reader whose store has `uri` under the storage's prefix, with the object's key, as
 * Label Studio matches a URI to a storage; null when none has it.
 */
export function objectIn(readers: StorageReader[], uri: string): ResolvedObject | null {
  for (const { storage, connection } of readers) {
    const key = connection.keyOf(uri);
    if (key === null) continue;
    const prefix = typeof storage.settings.prefix === 'string' ? storage.settings.prefix : '';
    if (prefix && !key.startsWith(prefix)) continue;
    return { storage, connection, key };
  }
  return null;
}
