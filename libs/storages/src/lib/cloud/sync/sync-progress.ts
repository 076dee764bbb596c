import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  CloudStorage,
  StorageMeta,
  StorageStatus,
  SyncMarker,
} from '../storages/cloud-storage.entity';
import { SYNC_PING_MS } from './sync-jobs';

export interface SyncFinish {
  status: Extract<StorageStatus, 'completed' | 'completed_with_errors'>;
  count: number;
  started: number;
  meta: Partial<StorageMeta>;
  marker?: SyncMarker | null;
}

/**
 * The status block of one sync of one storage: `in_progress` when it starts, a ping every
 * {@link SYNC_PING_MS} while it runs (a timer: a long listing page pings too), the outcome at
 * the end. Every write names the sync's job, so a sync that was superseded (a newer one queued)
 * changes nothing.
 */
export class SyncProgress {
  /** Tasks (import) or annotations (export) done so far, shown by the next ping. */
  count = 0;
  private heartbeat?: NodeJS.Timeout;
  private pinging: Promise<void> = Promise.resolve();

  private constructor(
    private readonly storages: Repository<CloudStorage>,
    readonly storage: CloudStorage,
    private readonly syncJob: string,
  ) {}

  /** Claims the storage for this sync's job; null when the storage is gone or a newer sync owns it. */
  static async start(
    storages: Repository<CloudStorage>,
    storageId: number,
    syncJob: string,
  ): Promise<SyncProgress | null> {
    const storage = await storages.findOneBy({ id: storageId });
    if (!storage || storage.last_sync_job !== syncJob) return null;
    const now = new Date().toISOString();
    const meta: StorageMeta = {
      ...storage.meta,
      attempts: (storage.meta.attempts ?? 0) + 1,
      time_in_progress: now,
      time_last_ping: now,
    };
    const progress = new SyncProgress(storages, storage, syncJob);
    await progress.update({ status: 'in_progress', traceback: null, meta });
    storage.meta = meta;
    progress.heartbeat = setInterval(() => {
      progress.pinging = progress.ping().catch(() => undefined);
    }, SYNC_PING_MS);
    progress.heartbeat.unref();
    return progress;
  }

  /**
   * Stops the pings (the sync ended, or failed and will be tried again), waiting for one under
   * way: a ping landing after the outcome would mark the storage running again.
   */
  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.pinging;
  }

  async finish(outcome: SyncFinish): Promise<CloudStorage> {
    await this.stop();
    const now = new Date();
    const { progress_count: _progress, errors: _errors, ...kept } = this.storage.meta;
    await this.update({
      status: outcome.status,
      last_sync: now,
      last_sync_count: outcome.count,
      traceback: null,
      meta: {
        ...kept,
        ...outcome.meta,
        time_completed: now.toISOString(),
        duration: (now.getTime() - outcome.started) / 1000,
      },
      ...(outcome.marker !== undefined ? { sync_marker: outcome.marker } : {}),
    });
    return this.storages.findOneByOrFail({ id: this.storage.id });
  }

  async fail(traceback: string, started: number): Promise<void> {
    await this.stop();
    const now = new Date();
    await this.update({
      status: 'failed',
      traceback,
      meta: {
        ...this.storage.meta,
        time_failure: now.toISOString(),
        duration: (now.getTime() - started) / 1000,
      },
    });
  }

  /** Records that the sync is alive. */
  private async ping(): Promise<void> {
    this.storage.meta = {
      ...this.storage.meta,
      time_last_ping: new Date().toISOString(),
      progress_count: this.count,
    };
    await this.update({ status: 'in_progress', meta: this.storage.meta });
  }

  private async update(values: QueryDeepPartialEntity<CloudStorage>): Promise<void> {
    await this.storages
      .createQueryBuilder()
      .update(CloudStorage)
      .set(values)
      .where('id = :id', { id: this.storage.id })
      .andWhere('last_sync_job = :job', { job: this.syncJob })
      .execute();
  }
}
