import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Annotation } from '@ls/annotations';
import { failureMessageOf } from '../../import/failure-message';
import { StorageConnection } from '../providers/storage-provider';
import { CloudStorage } from '../storages/cloud-storage.entity';
import { StorageExportLink } from '../storages/export-link.entity';
import { StorageConnections } from '../storages/storage-connections';
import { annotationObjects } from './annotation-objects';
import { SyncProgress } from './sync-progress';

/** Annotations read and written at a time. */
const EXPORT_BATCH = 200;

/**
 * Writes a project's annotations to an export storage, one object each, and records what was
 * written (`StorageExportLink`). Writes are overwrites and links upserts, so running a batch
 * twice (a retried job, two events for one annotation) leaves the same objects and links.
 */
@Injectable()
export class ExportSyncRunner {
  private readonly logger = new Logger(ExportSyncRunner.name);

  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    @InjectRepository(StorageExportLink) private readonly links: Repository<StorageExportLink>,
    private readonly connections: StorageConnections,
  ) {}

  /** `/sync` and creation: every annotation of the project written again. */
  async sync(storageId: number, syncJob: string, lastTry: boolean): Promise<CloudStorage | null> {
    const progress = await SyncProgress.start(this.storages, storageId, syncJob);
    if (!progress) return null;
    const storage = progress.storage;
    const started = Date.now();
    try {
      const connection = await this.connections.open(storage);
      let written = 0;
      try {
        let after = 0;
        for (;;) {
          const ids = await this.annotationIdsAfter(storage.project_id, after);
          if (ids.length === 0) break;
          written += await this.writeObjects(storage, connection, ids, true);
          after = ids[ids.length - 1];
          progress.count = written;
        }
      } finally {
        await connection.close();
      }
      return await progress.finish({
        status: 'completed',
        count: written,
        started,
        meta: { total_annotations: written },
      });
    } catch (error) {
      const message = failureMessageOf(error, this.logger, { storageId });
      if (lastTry) await progress.fail(message, started);
      throw error;
    } finally {
      await progress.stop();
    }
  }

  /**
   * After annotations changed: writes those of `annotationIds` not written since their last
   * change, and (with `can_delete_objects`) deletes the objects of annotations that are gone.
   */
  async reconcile(storageId: number, annotationIds: number[], removeGone: boolean): Promise<void> {
    const storage = await this.storages.findOneBy({ id: storageId, direction: 'export' });
    if (!storage) return;
    const connection = await this.connections.open(storage);
    try {
      for (let start = 0; start < annotationIds.length; start += EXPORT_BATCH) {
        const ids = annotationIds.slice(start, start + EXPORT_BATCH);
        await this.writeObjects(storage, connection, ids, false);
      }
      if (removeGone) await this.removeGone(storage, connection);
    } finally {
      await connection.close();
    }
  }

  private async annotationIdsAfter(projectId: number, after: number): Promise<number[]> {
    const rows = await this.storages.manager
      .createQueryBuilder(Annotation, 'annotation')
      .select('annotation.id', 'id')
      .where('annotation.project_id = :projectId', { projectId })
      .andWhere('annotation.id > :after', { after })
      .orderBy('annotation.id', 'ASC')
      .limit(EXPORT_BATCH)
      .getRawMany<{ id: number }>();
    return rows.map((row) => Number(row.id));
  }

  private async writeObjects(
    storage: CloudStorage,
    connection: StorageConnection,
    annotationIds: number[],
    overwrite: boolean,
  ): Promise<number> {
    const objects = await annotationObjects(
      this.storages.manager,
      annotationIds,
      storage.settings.prefix,
    );
    const written = overwrite
      ? new Map<number, number>()
      : new Map(
          (
            await this.links.findBy({ storage_id: storage.id, annotation_id: In(annotationIds) })
          ).map((link) => [link.annotation_id, link.annotation_updated_at.getTime()]),
        );
    const due = objects.filter(
      (object) => written.get(object.annotationId) !== object.updatedAt.getTime(),
    );
    for (const object of due) {
      await connection.write(object.key, object.body, 'application/json');
    }
    if (due.length === 0) return 0;
    await this.links
      .createQueryBuilder()
      .insert()
      .into(StorageExportLink)
      .values(
        due.map((object) => ({
          storage_id: storage.id,
          annotation_id: object.annotationId,
          key: object.key,
          annotation_updated_at: object.updatedAt,
        })),
      )
      .orUpdate(['key', 'annotation_updated_at', 'updated_at'], ['storage_id', 'annotation_id'])
      .execute();
    return due.length;
  }

  /** Links whose annotation is gone: the object deleted when the storage may, the link always. */
  private async removeGone(storage: CloudStorage, connection: StorageConnection): Promise<void> {
    for (;;) {
      const gone = await this.links
        .createQueryBuilder('link')
        .leftJoin(Annotation, 'annotation', 'annotation.id = link.annotation_id')
        .where('link.storage_id = :storageId', { storageId: storage.id })
        .andWhere('annotation.id IS NULL')
        .orderBy('link.id', 'ASC')
        .limit(EXPORT_BATCH)
        .getMany();
      if (gone.length === 0) return;
      if (storage.settings.can_delete_objects === true) {
        for (const link of gone) await connection.delete(link.key);
      }
      await this.links.delete({ id: In(gone.map((link) => link.id)) });
    }
  }
}
