import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { ImportedAnnotations } from '@ls/annotations';
import { AppConfig, TransactionRunner, ValidationFailedException } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { ImportedTasks } from '@ls/tasks';
import { failureMessageOf } from '../../import/failure-message';
import { importTasks } from '../../import/task-importer';
import { ItemChecker } from '../../import/task-items';
import { ListedObject } from '../providers/storage-provider';
import { CloudStorage, SyncMarker } from '../storages/cloud-storage.entity';
import { StorageConnections } from '../storages/storage-connections';
import { StorageImportLink } from '../storages/import-link.entity';
import { StorageTypes } from '../storages/storage-types';
import { KeyFilter } from './key-filter';
import { ObjectProblem, ObjectReading, ObjectTask, tasksOfObject } from './object-tasks';
import { SyncProgress } from './sync-progress';

/** Tasks written per transaction. */
const SYNC_BATCH_TASKS = 500;
/** Objects read from the store at once. */
const PARALLEL_READS = 16;
/** Objects looked up in the links at once. */
const LINK_LOOKUP_CHUNK = 500;
/** Objects a listing shows as changed this long before the last sync's newest are read again. */
const MARKER_MARGIN_MS = 15 * 60 * 1000;
/** Problems kept in `meta.errors`; the rest are counted. */
const MAX_RECORDED_ERRORS = 100;

interface SyncOutcome {
  created: number;
  existed: number;
  errors: string[];
  failedObjects: number;
  newestModified: number | null;
}

/**
 * Syncs an import storage: lists its objects, skips those already linked to tasks, reads the
 * rest into tasks through the import pipeline, a batch per transaction with the batch's links.
 * The links' unique key makes a concurrent or repeated sync of an object fail its transaction
 * instead of adding a duplicate; the job's retry then skips what is linked.
 */
@Injectable()
export class ImportSyncRunner {
  private readonly logger = new Logger(ImportSyncRunner.name);

  constructor(
    @InjectRepository(CloudStorage) private readonly storages: Repository<CloudStorage>,
    @InjectRepository(StorageImportLink) private readonly links: Repository<StorageImportLink>,
    private readonly connections: StorageConnections,
    private readonly types: StorageTypes,
    private readonly transactions: TransactionRunner,
    private readonly importedTasks: ImportedTasks,
    private readonly importedAnnotations: ImportedAnnotations,
    private readonly projects: ProjectsService,
    private readonly config: AppConfig,
  ) {}

  async run(storageId: number, syncJob: string, userId: number, lastTry: boolean) {
    const progress = await SyncProgress.start(this.storages, storageId, syncJob);
    if (!progress) return null;
    const storage = progress.storage;
    const started = Date.now();
    try {
      const outcome = await this.sync(storage, userId, progress);
      return await progress.finish({
        status: outcome.errors.length ? 'completed_with_errors' : 'completed',
        count: outcome.created,
        started,
        meta: {
          tasks_existed: outcome.existed,
          ...(outcome.errors.length
            ? {
                errors: outcome.errors.slice(0, MAX_RECORDED_ERRORS),
                failed_objects: outcome.failedObjects,
              }
            : {}),
        },
        marker: markerOf(storage, outcome.newestModified),
      });
    } catch (error) {
      const message = failureMessageOf(error, this.logger, { storageId });
      if (lastTry) await progress.fail(message, started);
      throw error;
    } finally {
      await progress.stop();
    }
  }

  private async sync(
    storage: CloudStorage,
    userId: number,
    progress: SyncProgress,
  ): Promise<SyncOutcome> {
    const project = await this.storages.manager.findOneByOrFail(Project, {
      id: storage.project_id,
    });
    const storageType = this.types.get(storage.type);
    const connection = await this.connections.open(storage);
    const outcome: SyncOutcome = {
      created: 0,
      existed: 0,
      errors: [],
      failedObjects: 0,
      newestModified: null,
    };
    const filter = KeyFilter.of(storage.settings.regex_filter);
    const since = validMarker(storage);
    const dataKeys = Object.keys(project.data_types ?? {});
    const reading: ObjectReading = {
      connection,
      useBlobUrls: storage.settings.use_blob_urls === true,
      alwaysJson: storageType.valuesAreTasks === true,
      dataKey: dataKeys.length === 1 ? dataKeys[0] : null,
      maxObjectBytes: this.config.IMPORT_MAX_FILE_SIZE,
    };
    let pending: ObjectTask[] = [];
    try {
      const listing = connection.list({
        prefix: (storage.settings.prefix as string | null | undefined) ?? null,
        recursive: storage.settings.recursive_scan === true,
      });
      for await (const page of listing) {
        const matching = page.filter((object) =>
          filter.matches(storageType.filterTarget?.(object.key) ?? object.key),
        );
        for (const object of matching) {
          const modified = object.modifiedAt?.getTime() ?? null;
          if (modified !== null)
            outcome.newestModified = Math.max(outcome.newestModified ?? 0, modified);
        }
        const fresh = await this.unlinked(
          storage.id,
          matching.filter((object) => isNewerThan(object, since)),
        );
        outcome.existed += matching.length - fresh.length;
        for (let start = 0; start < fresh.length; start += PARALLEL_READS) {
          const read = await Promise.all(
            fresh
              .slice(start, start + PARALLEL_READS)
              .map((object) => tasksOfObject(object.key, reading).catch(problemOnly)),
          );
          for (const tasks of read) {
            if (tasks instanceof ObjectProblem) this.recordError(outcome, tasks.message);
            else pending.push(...tasks);
          }
          if (pending.length >= SYNC_BATCH_TASKS) {
            await this.write(storage, project, userId, pending, outcome);
            pending = [];
          }
          progress.count = outcome.created;
        }
      }
      if (pending.length) await this.write(storage, project, userId, pending, outcome);
    } finally {
      await connection.close();
    }
    return outcome;
  }

  /** The objects of `objects` no task of this storage was made from. */
  private async unlinked(storageId: number, objects: ListedObject[]): Promise<ListedObject[]> {
    const linked = new Set<string>();
    for (let start = 0; start < objects.length; start += LINK_LOOKUP_CHUNK) {
      const keys = objects.slice(start, start + LINK_LOOKUP_CHUNK).map((object) => object.key);
      const rows = await this.links
        .createQueryBuilder('link')
        .select('DISTINCT link.key', 'key')
        .where('link.storage_id = :storageId', { storageId })
        .andWhere('link.key IN (:...keys)', { keys })
        .getRawMany<{ key: string }>();
      for (const row of rows) linked.add(row.key);
    }
    return objects.filter((object) => !linked.has(object.key));
  }

  /** Writes the batch's valid tasks with their links; invalid ones go to the sync's errors. */
  private async write(
    storage: CloudStorage,
    project: Project,
    userId: number,
    tasks: ObjectTask[],
    outcome: SyncOutcome,
  ): Promise<void> {
    const valid = this.validTasks(project, tasks, outcome);
    if (valid.length === 0) return;
    try {
      outcome.created += await this.writeValid(storage, project, userId, valid);
    } catch (error) {
      // A problem only the writer finds (a prediction's result) fails the whole batch: write
      // object by object to keep the others.
      if (!(error instanceof ValidationFailedException) || valid.length === 1) {
        if (error instanceof ValidationFailedException) {
          this.recordError(outcome, `${valid[0].key}: ${JSON.stringify(error.errors)}`);
          return;
        }
        throw error;
      }
      for (const key of new Set(valid.map((task) => task.key))) {
        await this.write(
          storage,
          project,
          userId,
          valid.filter((task) => task.key === key),
          outcome,
        );
      }
    }
  }

  private validTasks(project: Project, tasks: ObjectTask[], outcome: SyncOutcome): ObjectTask[] {
    const checker = new ItemChecker({
      dataTypes: project.data_types ?? {},
      labelConfig: project.parsed_label_config ?? {},
      preannotatedFields: [],
    });
    const accepted = checker.check(tasks.map((task) => task.item));
    if (accepted.length === tasks.length) return tasks;
    for (const [where, messages] of Object.entries(checker.problems())) {
      const index = Number(/^\[(\d+)\]/.exec(where)?.[1]);
      const task = tasks[index];
      const place = task ? `${task.key}${task.rowIndex >= 0 ? `[${task.rowIndex}]` : ''}` : where;
      this.recordError(outcome, `${place}: ${messages.join(' ')}`);
    }
    return accepted.map((item) => tasks[item.index]);
  }

  private writeValid(
    storage: CloudStorage,
    project: Project,
    userId: number,
    tasks: ObjectTask[],
  ): Promise<number> {
    return this.transactions.run(async (tx) => {
      const written = await importTasks(tx.manager, {
        project,
        importerId: userId,
        organizationId: project.organization_id,
        importedAnnotations: this.importedAnnotations,
        validatePredictions: this.config.VALIDATE_PREDICTIONS,
        sources: [
          {
            kind: 'items',
            items: tasks.map((task) => task.item),
            storageFilenames: tasks.map((task) => task.key),
          },
        ],
        commit: true,
        preannotatedFields: [],
        filesAsTasksList: true,
        maxTasks: this.config.IMPORT_MAX_TASKS,
      });
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(StorageImportLink)
        .values(
          written.taskIds.map((taskId, index) => ({
            storage_id: storage.id,
            task_id: taskId,
            key: tasks[index].key,
            row_index: tasks[index].rowIndex,
          })),
        )
        .execute();
      if (written.lastModelVersion) {
        await this.projects.adoptModelVersion(tx.manager, project.id, written.lastModelVersion);
      }
      await this.importedTasks.added(tx, project, written.taskIds);
      return written.taskIds.length;
    });
  }

  private recordError(outcome: SyncOutcome, message: string): void {
    outcome.failedObjects += 1;
    if (outcome.errors.length < MAX_RECORDED_ERRORS) outcome.errors.push(message);
  }
}

/** An object's problem is recorded; any other failure fails the sync. */
function problemOnly(error: unknown): ObjectProblem {
  if (error instanceof ObjectProblem) return error;
  throw error;
}

/** Settings that decide what a listing takes: a marker made under others is no marker. */
function settingsHash(storage: CloudStorage): string {
  const entries = Object.entries(storage.settings).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

function validMarker(storage: CloudStorage): number | null {
  const marker = storage.sync_marker;
  if (!marker || marker.settings !== settingsHash(storage)) return null;
  return Date.parse(marker.modifiedAt) || null;
}

function markerOf(storage: CloudStorage, newestModified: number | null): SyncMarker | null {
  if (newestModified === null) return storage.sync_marker;
  const previous = validMarker(storage) ?? 0;
  const modifiedAt = Math.max(previous, newestModified - MARKER_MARGIN_MS);
  return { modifiedAt: new Date(modifiedAt).toISOString(), settings: settingsHash(storage) };
}

/** Objects without a time (Redis) are always looked up. */
function isNewerThan(object: ListedObject, since: number | null): boolean {
  return since === null || object.modifiedAt === null || object.modifiedAt.getTime() > since;
}
