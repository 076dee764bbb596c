import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext } from '@ls/auth';
import { AppConfig, JobQueue, ValidationFailedException } from '@ls/core';
import { ProjectScope, ProjectsService } from '@ls/projects';
import { KeyFilter } from '../sync/key-filter';
import {
  EXPORT_SYNC_JOB,
  IMPORT_SYNC_JOB,
  STORAGE_QUEUE,
  SYNC_DEAD_AFTER_MS,
  SYNC_JOB_ATTEMPTS,
} from '../sync/sync-jobs';
import { CloudStorage, StorageDirection } from './cloud-storage.entity';
import { StorageConnections } from './storage-connections';
import { connectionSettings, StorageChanges, storageChanges } from './storage-settings';
import { StorageType } from './storage-type';
import { StorageTypes } from './storage-types';

export interface StorageRef {
  direction: StorageDirection;
  type: string;
}

const RUNNING = ['queued', 'in_progress'] as const;

/**
 * Import and export storages of projects: settings checked against the store before they are
 * saved, secrets sealed, syncs queued as jobs. A sync whose job died is marked failed when the
 * storage is next read, so none stays `in_progress` for ever.
 */
@Injectable()
export class CloudStoragesService {
  private readonly scope: ProjectScope<CloudStorage>;

  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    private readonly projects: ProjectsService,
    private readonly types: StorageTypes,
    private readonly connections: StorageConnections,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.scope = new ProjectScope(storages);
  }

  typeOf(type: string): StorageType {
    return this.types.get(type);
  }

  /** The project's storages of one direction (of one type when named), oldest first. */
  async list(
    auth: AuthContext,
    direction: StorageDirection,
    type: string | null,
    projectId: number | undefined,
  ): Promise<CloudStorage[]> {
    if (projectId === undefined) return [];
    await this.projects.get(auth, projectId);
    const offered = this.types.offered().map((storageType) => storageType.type);
    const query = this.storages
      .createQueryBuilder('storage')
      .where('storage.project_id = :projectId', { projectId })
      .andWhere('storage.direction = :direction', { direction })
      .andWhere('storage.type IN (:...offered)', { offered })
      .orderBy('storage.id', 'ASC');
    if (type !== null) query.andWhere('storage.type = :type', { type });
    return Promise.all((await query.getMany()).map((storage) => this.reconciled(storage)));
  }

  async get(auth: AuthContext, ref: StorageRef, id: number): Promise<CloudStorage> {
    this.types.get(ref.type);
    const storage = await this.scope
      .query(auth, 'storage')
      .andWhere('storage.id = :id', { id })
      .andWhere('storage.direction = :direction', { direction: ref.direction })
      .andWhere('storage.type = :type', { type: ref.type })
      .getOne();
    if (!storage) throw new NotFoundException('Not found.');
    return this.reconciled(storage);
  }

  async create(
    auth: AuthContext,
    ref: StorageRef,
    body: Record<string, unknown>,
  ): Promise<CloudStorage> {
    const storageType = this.types.get(ref.type);
    const project = await this.projects.get(auth, body.project as number);
    const changes = storageChanges(storageType, ref.direction, body, true);
    await this.checkSettings(storageType, ref.direction, changes);
    const storage = await this.storages.save(
      this.storages.create({
        project_id: project.id,
        direction: ref.direction,
        type: ref.type,
        title: null,
        description: null,
        synchronizable: true,
        ...changes.columns,
        settings: changes.settings,
        sealed_secrets: await this.connections.seal(changes.secrets),
        status: 'initialized',
        meta: {},
        sync_marker: null,
      }),
    );
    if (ref.direction === 'export' && this.config.SYNC_ON_TARGET_STORAGE_CREATION) {
      return this.queueSync(storage, auth.user.id);
    }
    return storage;
  }

  async update(
    auth: AuthContext,
    ref: StorageRef,
    id: number,
    body: Record<string, unknown>,
  ): Promise<CloudStorage> {
    const storageType = this.types.get(ref.type);
    const storage = await this.get(auth, ref, id);
    const merged = await this.appliedTo(storageType, storage, body);
    await this.checkSettings(storageType, ref.direction, merged);
    await this.storages.update({ id: storage.id }, {
      ...merged.columns,
      settings: merged.settings,
      sealed_secrets: await this.connections.seal(merged.secrets),
    } as QueryDeepPartialEntity<CloudStorage>);
    return this.storages.findOneByOrFail({ id: storage.id });
  }

  async remove(auth: AuthContext, ref: StorageRef, id: number): Promise<void> {
    const storage = await this.get(auth, ref, id);
    await this.storages.delete({ id: storage.id });
  }

  /** The directories of the local files import storages of the caller's organization. */
  async localFilesPaths(auth: AuthContext): Promise<string[]> {
    const storages = await this.scope
      .query(auth, 'storage')
      .andWhere('storage.type = :type', { type: 'localfiles' })
      .andWhere('storage.direction = :direction', { direction: 'import' })
      .getMany();
    return storages.flatMap((storage) =>
      typeof storage.settings.path === 'string' ? [storage.settings.path] : [],
    );
  }

  /** Checks settings against the store without saving; with `id`, the stored one with the body on top. */
  async validate(auth: AuthContext, ref: StorageRef, body: Record<string, unknown>): Promise<void> {
    const storageType = this.types.get(ref.type);
    if (typeof body.id === 'number') {
      const storage = await this.get(auth, ref, body.id);
      await this.checkSettings(
        storageType,
        ref.direction,
        await this.appliedTo(storageType, storage, body),
      );
      return;
    }
    if (typeof body.project === 'number') await this.projects.get(auth, body.project);
    const changes = storageChanges(storageType, ref.direction, body, true);
    await this.checkSettings(storageType, ref.direction, changes);
  }

  /** Queues a sync (refused when not synchronizable; nothing new when one is already queued). */
  async sync(auth: AuthContext, ref: StorageRef, id: number): Promise<CloudStorage> {
    const storage = await this.get(auth, ref, id);
    if (!storage.synchronizable) {
      throw new ValidationFailedException({
        non_field_errors: ['Storage is not synchronizable'],
      });
    }
    const storageType = this.types.get(ref.type);
    await this.checkSettings(
      storageType,
      ref.direction,
      await this.appliedTo(storageType, storage, {}),
    );
    return this.queueSync(storage, auth.user.id);
  }

  /** The stored storage with `body` on top: settings and secrets merged, columns changed. */
  private async appliedTo(
    storageType: StorageType,
    storage: CloudStorage,
    body: Record<string, unknown>,
  ): Promise<StorageChanges> {
    const changes = storageChanges(storageType, storage.direction, body, false);
    return {
      columns: changes.columns,
      settings: { ...storage.settings, ...changes.settings },
      secrets: { ...(await this.connections.secretsOf(storage)), ...changes.secrets },
    };
  }

  private async checkSettings(
    storageType: StorageType,
    direction: StorageDirection,
    changes: StorageChanges,
  ): Promise<void> {
    const problem = KeyFilter.problemOf(changes.settings.regex_filter);
    if (problem) throw new ValidationFailedException({ regex_filter: [problem] });
    await this.connections.check(
      storageType,
      direction,
      connectionSettings(changes.settings, changes.secrets),
    );
  }

  /**
   * Moves the storage to `queued` and enqueues its sync, unless a sync is already queued or
   * running: the conditional update lets one of two concurrent requests through.
   */
  private async queueSync(storage: CloudStorage, userId: number): Promise<CloudStorage> {
    const jobId = `storage-${storage.id}-sync-${randomUUID()}`;
    const now = new Date().toISOString();
    const claimed = await this.storages
      .createQueryBuilder()
      .update(CloudStorage)
      .set({
        status: 'queued',
        last_sync_job: jobId,
        traceback: null,
        meta: { ...storage.meta, attempts: 0, time_queued: now, time_last_ping: now },
      })
      .where('id = :id', { id: storage.id })
      .andWhere('status NOT IN (:...running)', { running: RUNNING })
      .execute();
    if (claimed.affected) {
      await this.queue.enqueue(
        STORAGE_QUEUE,
        storage.direction === 'import' ? IMPORT_SYNC_JOB : EXPORT_SYNC_JOB,
        { storageId: storage.id, syncJob: jobId, userId },
        { jobId, attempts: SYNC_JOB_ATTEMPTS, backoff: { type: 'fixed', delayMs: 1000 } },
      );
    }
    return this.storages.findOneByOrFail({ id: storage.id });
  }

  /** A queued or running sync not heard from for `SYNC_DEAD_AFTER_MS` is failed. */
  private async reconciled(storage: CloudStorage): Promise<CloudStorage> {
    if (!(RUNNING as readonly string[]).includes(storage.status)) return storage;
    const lastPing = Date.parse(storage.meta.time_last_ping ?? '') || storage.updated_at.getTime();
    if (Date.now() - lastPing < SYNC_DEAD_AFTER_MS) return storage;
    const job = storage.last_sync_job
      ? await this.queue.getJob(STORAGE_QUEUE, storage.last_sync_job)
      : null;
    if (job && (job.status === 'waiting' || job.status === 'delayed')) return storage;
    const now = new Date().toISOString();
    const traceback =
      job?.failedReason ?? 'The sync stopped without finishing (its process ended).';
    await this.storages
      .createQueryBuilder()
      .update(CloudStorage)
      .set({ status: 'failed', traceback, meta: { ...storage.meta, time_failure: now } })
      .where('id = :id', { id: storage.id })
      .andWhere('status IN (:...running)', { running: RUNNING })
      .andWhere('last_sync_job = :job', { job: storage.last_sync_job })
      .execute();
    return this.storages.findOneByOrFail({ id: storage.id });
  }
}
