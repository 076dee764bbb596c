import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TaskDataRef, TaskDataUrls, TaskDataUrlSource } from '@ls/tasks';
import { StorageConnection } from '../providers/storage-provider';
import { CloudStorage } from '../storages/cloud-storage.entity';
import { StorageConnections } from '../storages/storage-connections';
import { encodeFileUri, STORAGE_URI } from './storage-uri';

/** Deepest nesting of task data searched for URIs. */
const MAX_DEPTH = 32;

type Readers = { connection: StorageConnection; prefix: string }[];

/**
 * Rewrites the storage URIs in task data (`s3://bucket/key`, in lists and objects too) that one
 * of the project's import storages can read into `/tasks/<id>/resolve/?fileuri=<base64url>`,
 * which checks access and then redirects to a presigned URL or proxies the bytes.
 */
@Injectable()
export class TaskDataUris implements TaskDataUrlSource, OnModuleInit {
  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    private readonly connections: StorageConnections,
    private readonly dataUrls: TaskDataUrls,
  ) {}

  onModuleInit(): void {
    this.dataUrls.register(this);
  }

  async resolve(projectId: number, tasks: TaskDataRef[]) {
    const resolved = new Map<number, Record<string, unknown>>();
    const readers = await this.readersOf(projectId);
    if (readers.length === 0) return resolved;
    for (const task of tasks) {
      const rewrite = (uri: string) =>
        readers.some(({ connection, prefix }) => {
          const key = connection.keyOf(uri);
          return key !== null && key.startsWith(prefix);
        })
          ? `/tasks/${task.id}/resolve/?fileuri=${encodeFileUri(uri)}`
          : uri;
      const data = rewritten(task.data, rewrite, 0);
      if (data !== task.data) resolved.set(task.id, data as Record<string, unknown>);
    }
    return resolved;
  }

  private async readersOf(projectId: number): Promise<Readers> {
    const storages = await this.storages.find({
      where: { project_id: projectId, direction: 'import' },
    });
    const readers: Readers = [];
    for (const storage of storages) {
      const connection = await this.connections.cached(storage).catch(() => null);
      if (!connection) continue;
      const prefix = typeof storage.settings.prefix === 'string' ? storage.settings.prefix : '';
      readers.push({ connection, prefix });
    }
    return readers;
  }
}

/** `value` with its URIs rewritten; the same object where nothing changed. */
function rewritten(value: unknown, rewrite: (uri: string) => string, depth: number): unknown {
  if (typeof value === 'string') return STORAGE_URI.test(value) ? rewrite(value) : value;
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const next = rewritten(item, rewrite, depth + 1);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : value;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const next = rewritten(item, rewrite, depth + 1);
    if (next === item) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    // A `__proto__` key of JSON data is a plain key here, never the copy's prototype.
    Object.defineProperty(copy, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy ?? value;
}
