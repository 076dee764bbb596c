import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { In, Repository } from 'typeorm';
import { AuthContext, User } from '@ls/auth';
import { JobQueue, ValidationFailedException } from '@ls/core';
import { TaskSelections } from '@ls/data-manager';
import { Project, ProjectsService } from '@ls/projects';
import { exportMinute } from '../export-names';
import { exportConfigFromControls } from '../formats/export-config';
import { ExportFormatName } from '../formats/export-format';
import { converterFor } from '../formats/export-formats';
import { StorageObjectMissingError } from '../../cloud/providers/storage-provider';
import { ExportOptions } from '../tasks/export-options';
import { ConvertedFormat } from './converted-format.entity';
import { ConvertExportRequest, CreateExportRequest } from './create-export.request';
import { ExportFiles } from './export-files';
import {
  conversionJobId,
  EXPORT_CONVERT_JOB,
  EXPORT_JOB_ATTEMPTS,
  EXPORT_QUEUE,
  EXPORT_SNAPSHOT_JOB,
  snapshotJobId,
} from './export-jobs';
import { ExportSnapshot } from './export-snapshot.entity';

/** The snapshots a project's list shows: the newest hundred, as Label Studio. */
const LISTED_SNAPSHOTS = 100;

export interface ExportDownload {
  /** The name the browser saves it as. */
  name: string;
  /** Its name in the file store. */
  file: string;
}

/** A download that is not ready: 404 with a plain-text reason, as Label Studio answers. */
export class ExportNotReady extends Error {}

/**
 * Export snapshots of a project: recorded here, written and converted by jobs (the worker in
 * scaled mode). A snapshot whose job is gone (failed for good, or lost with its process) is
 * marked failed when it is next read, so none stays `in_progress` for ever.
 */
@Injectable()
export class ExportSnapshotsService {
  constructor(
    @InjectRepository(ExportSnapshot) private readonly snapshots: Repository<ExportSnapshot>,
    @InjectRepository(ConvertedFormat) private readonly conversions: Repository<ConvertedFormat>,
    private readonly projects: ProjectsService,
    private readonly selections: TaskSelections,
    private readonly queue: JobQueue,
    private readonly files: ExportFiles,
  ) {}

  async create(auth: AuthContext, projectId: number, body: CreateExportRequest) {
    const project = await this.projects.get(auth, projectId);
    const view = body.task_filter_options?.view;
    if (view !== undefined) await this.selections.resolve(auth, { projectId, viewId: view });
    const now = new Date();
    const snapshot = await this.snapshots.save(
      this.snapshots.create({
        project_id: project.id,
        title: body.title || defaultTitle(project, now),
        created_by_id: auth.user.id,
        status: 'created',
        md5: '',
        counters: {},
        options: optionsOf(body),
        file: null,
        error: null,
        finished_at: null,
        created_at: now,
      }),
    );
    await this.queue.enqueue(
      EXPORT_QUEUE,
      EXPORT_SNAPSHOT_JOB,
      { exportId: snapshot.id },
      { jobId: snapshotJobId(snapshot.id), attempts: EXPORT_JOB_ATTEMPTS },
    );
    return { snapshot: await this.reconciled(snapshot), createdBy: auth.user };
  }

  async list(auth: AuthContext, projectId: number) {
    await this.projects.get(auth, projectId);
    const snapshots = await this.snapshots.find({
      where: { project_id: projectId },
      order: { created_at: 'DESC', id: 'DESC' },
      take: LISTED_SNAPSHOTS,
    });
    return this.withRelated(await Promise.all(snapshots.map((s) => this.reconciled(s))));
  }

  async get(auth: AuthContext, projectId: number, exportId: number) {
    const [one] = await this.withRelated([await this.snapshotOf(auth, projectId, exportId)]);
    return one;
  }

  async remove(auth: AuthContext, projectId: number, exportId: number): Promise<void> {
    const snapshot = await this.snapshotOf(auth, projectId, exportId);
    const converted = await this.conversions.findBy({ export_id: snapshot.id });
    await this.snapshots.delete({ id: snapshot.id });
    for (const file of [snapshot.file, ...converted.map((c) => c.file)]) {
      await this.files.remove(file);
    }
  }

  async convert(
    auth: AuthContext,
    projectId: number,
    exportId: number,
    body: ConvertExportRequest,
  ) {
    const project = await this.projects.get(auth, projectId);
    const snapshot = await this.snapshotOf(auth, projectId, exportId);
    const config = exportConfigFromControls(project.parsed_label_config ?? {});
    if (!converterFor(body.export_type as ExportFormatName, config).supported) {
      throw new ValidationFailedException({
        export_type: [`${body.export_type} is not supported export format`],
      });
    }
    const existing = await this.conversions.findOneBy({
      export_id: snapshot.id,
      export_type: body.export_type,
    });
    if (existing) {
      throw new ValidationFailedException({
        export_type: [`Conversion to ${body.export_type} already started`],
      });
    }
    const converted = await this.conversions.save(
      this.conversions.create({
        export_id: snapshot.id,
        export_type: body.export_type,
        status: 'created',
        download_resources: body.download_resources === true,
        file: null,
        traceback: null,
      }),
    );
    await this.queue.enqueue(
      EXPORT_QUEUE,
      EXPORT_CONVERT_JOB,
      { convertedId: converted.id },
      { jobId: conversionJobId(converted.id), attempts: EXPORT_JOB_ATTEMPTS },
    );
    return { export_type: converted.export_type, converted_format: converted.id };
  }

  /** The file to download: the JSON, or a completed conversion of it. */
  async download(
    auth: AuthContext,
    projectId: number,
    exportId: number,
    exportType = 'JSON',
  ): Promise<ExportDownload> {
    const snapshot = await this.snapshotOf(auth, projectId, exportId);
    if (snapshot.status !== 'completed' || !snapshot.file) {
      throw new ExportNotReady('Export is not completed');
    }
    let file = snapshot.file;
    if (exportType !== 'JSON') {
      const converted = await this.conversions.findOneBy({
        export_id: snapshot.id,
        export_type: exportType,
      });
      if (converted?.status !== 'completed' || !converted.file) {
        throw new ExportNotReady(`${exportType} format is not converted yet`);
      }
      file = converted.file;
    }
    const name = file.slice(file.lastIndexOf('/') + 1).replace(/^[A-Z0-9_]+-(?=project-)/, '');
    return { name, file };
  }

  /** The download's content, streamed from the file store. */
  async open(download: ExportDownload): Promise<Readable> {
    try {
      return await this.files.read(download.file);
    } catch (error) {
      if (error instanceof StorageObjectMissingError) throw new NotFoundException('Not found.');
      throw error;
    }
  }

  private async snapshotOf(auth: AuthContext, projectId: number, exportId: number) {
    await this.projects.get(auth, projectId);
    const snapshot = await this.snapshots.findOneBy({ id: exportId, project_id: projectId });
    if (!snapshot) throw new NotFoundException('Not found.');
    return this.reconciled(snapshot);
  }

  /** A snapshot whose job failed for good or no longer exists is failed (with the reason). */
  private async reconciled(snapshot: ExportSnapshot): Promise<ExportSnapshot> {
    if (snapshot.status !== 'created' && snapshot.status !== 'in_progress') return snapshot;
    const job = await this.queue.getJob(EXPORT_QUEUE, snapshotJobId(snapshot.id));
    if (job && job.status !== 'failed' && job.status !== 'completed') return snapshot;
    const fresh = await this.snapshots.findOneByOrFail({ id: snapshot.id });
    if (fresh.status === 'completed' || fresh.status === 'failed') return fresh;
    const error = job?.failedReason ?? 'The export job was lost (its process stopped).';
    await this.snapshots.update(
      { id: snapshot.id, status: In(['created', 'in_progress']) },
      { status: 'failed', error, finished_at: new Date() },
    );
    return this.snapshots.findOneByOrFail({ id: snapshot.id });
  }

  /** The same for a conversion: its job gone, it is failed with the reason. */
  private async reconciledConversion(converted: ConvertedFormat): Promise<ConvertedFormat> {
    if (converted.status !== 'created' && converted.status !== 'in_progress') return converted;
    const job = await this.queue.getJob(EXPORT_QUEUE, conversionJobId(converted.id));
    if (job && job.status !== 'failed' && job.status !== 'completed') return converted;
    const fresh = await this.conversions.findOneByOrFail({ id: converted.id });
    if (fresh.status === 'completed' || fresh.status === 'failed') return fresh;
    const traceback = job?.failedReason ?? 'The conversion job was lost (its process stopped).';
    await this.conversions.update(
      { id: converted.id, status: In(['created', 'in_progress']) },
      { status: 'failed', traceback },
    );
    return this.conversions.findOneByOrFail({ id: converted.id });
  }

  private async withRelated(snapshots: ExportSnapshot[]) {
    const ids = snapshots.map((s) => s.id);
    const users = await this.snapshots.manager.findBy(User, {
      id: In([...new Set(snapshots.flatMap((s) => s.created_by_id ?? []))]),
    });
    const converted = ids.length
      ? await Promise.all(
          (
            await this.conversions.find({ where: { export_id: In(ids) }, order: { id: 'ASC' } })
          ).map((c) => this.reconciledConversion(c)),
        )
      : [];
    return snapshots.map((snapshot) => ({
      snapshot,
      createdBy: users.find((user) => user.id === snapshot.created_by_id) ?? null,
      converted: converted.filter((c) => c.export_id === snapshot.id),
    }));
  }
}

/** `<project title>-at-<YYYY-MM-DD-HH-MM>`, spaces in the title as dashes. */
function defaultTitle(project: Project, at: Date): string {
  return `${(project.title ?? '').replace(/ /g, '-')}-at-${exportMinute(at)}`;
}

function optionsOf(body: CreateExportRequest): ExportOptions {
  const tasks = body.task_filter_options ?? {};
  const annotations = body.annotation_filter_options ?? {};
  const serialization = body.serialization_options ?? {};
  return {
    tasks: { ...tasks },
    annotations: { usual: true, ...annotations },
    serialization: {
      drafts: { only_id: true },
      predictions: { only_id: true },
      annotations__completed_by: { only_id: true },
      ...serialization,
    },
  };
}
