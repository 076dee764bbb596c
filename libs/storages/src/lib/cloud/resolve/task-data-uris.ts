import { Injectable, OnModuleInit } from '@nestjs/common';
import { TaskDataRef, TaskDataUrls, TaskDataUrlSource } from '@ls/tasks';
import { objectIn, StorageResolver } from './storage-resolver';
import { encodeFileUri, STORAGE_URI } from './storage-uri';

/** Deepest nesting of task data searched for URIs. */
const MAX_DEPTH = 32;

/**
 * Rewrites the storage URIs in task data (`s3://bucket/key`, in lists and objects too) that one
 * of the project's import storages can read into `/tasks/<id>/resolve/?fileuri=<base64url>`,
 * which checks access and then redirects to a presigned URL or proxies the bytes.
 */
@Injectable()
export class TaskDataUris implements TaskDataUrlSource, OnModuleInit {
  constructor(
    private readonly resolver: StorageResolver,
    private readonly dataUrls: TaskDataUrls,
  ) {}

  onModuleInit(): void {
    this.dataUrls.register(this);
  }

  async resolve(projectId: number, tasks: TaskDataRef[]) {
    const resolved = new Map<number, Record<string, unknown>>();
    const readers = await this.resolver.readersOf(projectId);
    if (readers.length === 0) return resolved;
    for (const task of tasks) {
      const rewrite = (uri: string) =>
        objectIn(readers, uri) ? `/tasks/${task.id}/resolve/?fileuri=${encodeFileUri(uri)}` : uri;
      const data = rewritten(task.data, rewrite, 0);
      if (data !== task.data) resolved.set(task.id, data as Record<string, unknown>);
    }
    return resolved;
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
