import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StorageConnection } from '../providers/storage-provider';
import { CloudStorage } from '../storages/cloud-storage.entity';
import { StorageConnections } from '../storages/storage-connections';

export interface ResolvedObject {
  storage: CloudStorage;
  connection: StorageConnection;
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
    const candidates = await this.storages.find({
      where: { project_id: projectId, direction: 'import' },
      order: { id: 'ASC' },
    });
    for (const storage of candidates) {
      const connection = await this.connections.cached(storage).catch(() => null);
      const key = connection?.keyOf(uri);
      if (!connection || key === null || key === undefined) continue;
      const prefix = typeof storage.settings.prefix === 'string' ? storage.settings.prefix : '';
      if (prefix && !key.startsWith(prefix)) continue;
      return { storage, connection, key };
    }
    throw new NotFoundException(`No storage of this project can resolve ${uri}`);
  }
}
