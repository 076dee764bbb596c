import { AnnotationsHttpModule } from '@ls/annotations';
import type { TestAccount } from '@ls/auth/testing';
import type { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

/** The modules a storage suite mounts: storages and what their tasks are seen through. */
export const STORAGE_TEST_MODULES = [
  ProjectsHttpModule,
  TasksHttpModule,
  AnnotationsHttpModule,
  DataManagerHttpModule,
  StoragesHttpModule,
];

export interface StorageBody {
  id: number;
  status: string;
  last_sync_count: number | null;
  meta: Record<string, unknown> & { errors?: string[] };
  traceback: string | null;
  [field: string]: unknown;
}

/** Polls a storage until its sync is no longer queued or running; its last state. */
export async function waitForSync(
  http: TestApp['http'],
  account: TestAccount,
  path: string,
  timeoutMs = 20_000,
): Promise<StorageBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const storage = (await http().get(path).set(account.headers).expect(200)).body as StorageBody;
    if (storage.status !== 'queued' && storage.status !== 'in_progress') return storage;
    if (Date.now() > deadline) throw new Error(`sync of ${path} still ${storage.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `check` until it passes (every 100 ms), failing with its last error after `timeoutMs`. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
