import { Readable } from 'node:stream';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ImportedAnnotations } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import {
  AppConfig,
  dialectOfManager,
  JobQueue,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { ImportedTasks } from '@ls/tasks';
import { FileStore } from '../files/file-store';
import { FileUpload } from '../uploads/file-upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { formatOf, isTasksListFormat } from './formats/supported-formats';
import { failureMessageOf } from './failure-message';
import { IMPORT_JOB, IMPORT_QUEUE } from './import.job-names';
import type { ImportJobPayload } from './import.job';
import { ProjectImport } from './project-import.entity';
import { ImportFile, ImportSource, importTasks } from './task-importer';
import { taskItemsOf } from './task-items';
import { foundFormatsOf, uploadSources } from './upload-sources';

export interface ImportOptions {
  commitToProject: boolean;
  returnTaskIds: boolean;
  preannotatedFields: string[];
}

/** What a request brought: tasks in its body, or files (uploaded, or downloaded from a URL). */
export type ImportInput =
  | { kind: 'body'; body: unknown; size: number }
  | { kind: 'uploads'; uploads: FileUpload[]; url?: string };

export interface ImportStarted {
  record: ProjectImport;
  /** True when the import runs as a job: the record shows how it goes. */
  queued: boolean;
  /** Seconds the inline import took. */
  duration: number;
}

/**
 * Imports into a project. Every import leaves a `ProjectImport` record; inputs larger than
 * `IMPORT_JOB_THRESHOLD_BYTES` run as a job (on a worker in scaled mode), smaller ones inline.
 * Tasks, annotations, predictions and the record's completion are committed together, so a
 * job that dies midway leaves nothing and its retry starts from scratch.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly importedTasks: ImportedTasks,
    private readonly importedAnnotations: ImportedAnnotations,
    private readonly uploads: UploadsService,
    private readonly queue: JobQueue,
    private readonly files: FileStore,
    @InjectRepository(ProjectImport) private readonly imports: Repository<ProjectImport>,
  ) {}

  async start(
    auth: AuthContext,
    projectId: number,
    input: ImportInput,
    options: ImportOptions,
  ): Promise<ImportStarted> {
    const project = await this.projects.get(auth, projectId);
    const items = input.kind === 'body' ? taskItemsOf(input.body) : null;
    if (items && items.length > this.config.IMPORT_MAX_TASKS) {
      throw new ValidationFailedException({
        non_field_errors: [
          `Maximum task number is ${this.config.IMPORT_MAX_TASKS}, current task number is ${items.length}`,
        ],
      });
    }
    const uploads = input.kind === 'uploads' ? input.uploads : [];
    const record = await this.imports.save(
      this.imports.create({
        project_id: project.id,
        status: 'created',
        commit_to_project: options.commitToProject,
        return_task_ids: options.returnTaskIds,
        preannotated_from_fields: options.preannotatedFields.length
          ? options.preannotatedFields
          : null,
        url: input.kind === 'uploads' ? (input.url ?? null) : null,
        error: null,
        file_upload_ids: uploads.map((upload) => upload.id),
        could_be_tasks_list: uploads.some((upload) =>
          isTasksListFormat(formatOf(upload.file) ?? ''),
        ),
        found_formats: foundFormatsOf(uploads),
        data_columns: [],
        task_ids: [],
        finished_at: null,
      }),
    );
    const size =
      input.kind === 'body' ? input.size : uploads.reduce((sum, upload) => sum + upload.size, 0);
    if (size > this.config.IMPORT_JOB_THRESHOLD_BYTES) {
      if (items) await this.keepBody(record, items);
      await this.queue.enqueue<ImportJobPayload>(
        IMPORT_QUEUE,
        IMPORT_JOB,
        { importId: record.id, userId: auth.user.id },
        { jobId: `import-${record.id}` },
      );
      return { record, queued: true, duration: 0 };
    }
    const started = Date.now();
    const sources: ImportSource[] = items
      ? [{ kind: 'items', items }]
      : uploadSources(uploads, this.uploads);
    const done = await this.run(record, project, auth.user.id, sources);
    return { record: done, queued: false, duration: (Date.now() - started) / 1000 };
  }

  /** Runs a queued import; a record already completed is left as it is. */
  async runQueued(
    importId: number,
    userId: number,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<ProjectImport | null> {
    const record = await this.imports.findOneBy({ id: importId });
    if (!record || record.status === 'completed' || record.status === 'failed') return record;
    const project = await this.imports.manager.findOneBy(Project, { id: record.project_id });
    if (!project) return null;
    const uploads = await this.uploadsOf(record);
    const body = bodyNameOf(record);
    const sources: ImportSource[] = uploads.length
      ? uploadSources(uploads, this.uploads)
      : [{ kind: 'file', file: this.bodyFile(body), fileUploadId: null }];
    try {
      return await this.run(record, project, userId, sources, onProgress);
    } catch (error) {
      if (error instanceof ValidationFailedException) return null;
      throw error;
    } finally {
      if (!uploads.length) await this.files.delete(body);
    }
  }

  async get(auth: AuthContext, projectId: number, importId: number): Promise<ProjectImport> {
    await this.projects.get(auth, projectId);
    const found = await this.imports.findOneBy({ id: importId, project_id: projectId });
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }

  private async run(
    record: ProjectImport,
    project: Project,
    userId: number,
    sources: ImportSource[],
    onProgress?: (percent: number) => Promise<void>,
  ): Promise<ProjectImport> {
    const started = Date.now();
    await this.imports.update({ id: record.id }, { status: 'in_progress' });
    try {
      return await this.transactions.run(async (tx) => {
        if (await isCompleted(tx.manager, record.id)) {
          return tx.manager.findOneByOrFail(ProjectImport, { id: record.id });
        }
        const outcome = await importTasks(tx.manager, {
          project,
          importerId: userId,
          organizationId: project.organization_id,
          importedAnnotations: this.importedAnnotations,
          validatePredictions: this.config.VALIDATE_PREDICTIONS,
          sources,
          commit: record.commit_to_project,
          preannotatedFields: record.preannotated_from_fields ?? [],
          filesAsTasksList: true,
          maxTasks: this.config.IMPORT_MAX_TASKS,
          onProgress,
        });
        if (outcome.lastModelVersion) {
          await this.projects.adoptModelVersion(tx.manager, project.id, outcome.lastModelVersion);
        }
        await this.importedTasks.added(tx, project, outcome.taskIds);
        return tx.manager.save(ProjectImport, {
          ...record,
          status: 'completed' as const,
          task_count: outcome.taskCount,
          annotation_count: outcome.annotationCount,
          prediction_count: outcome.predictionCount,
          data_columns: outcome.dataColumns,
          task_ids: record.return_task_ids ? outcome.taskIds : [],
          duration: Math.round((Date.now() - started) / 1000),
          finished_at: new Date(),
        });
      });
    } catch (error) {
      await this.imports.update(
        { id: record.id },
        {
          status: 'failed',
          error: failureMessageOf(error, this.logger, { importId: record.id }),
          finished_at: new Date(),
        },
      );
      throw error;
    }
  }

  private async uploadsOf(record: ProjectImport): Promise<FileUpload[]> {
    if (record.file_upload_ids.length === 0) return [];
    const rows = await this.imports.manager.findBy(FileUpload, {
      id: In(record.file_upload_ids),
      project_id: record.project_id,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return record.file_upload_ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * A queued import's body waits in the file store (`DATA_DIR`, or the bucket that API and
   * workers share); a body can be hundreds of megabytes, too big a value for a database row.
   */
  private async keepBody(record: ProjectImport, items: unknown[]): Promise<void> {
    const content = Readable.from([Buffer.from(JSON.stringify(items))]);
    await this.files.put(bodyNameOf(record), content, 'application/json');
  }

  private bodyFile(name: string): ImportFile {
    return { name: 'body.json', url: '', localCopy: () => this.files.localCopy(name) };
  }
}

const bodyNameOf = (record: ProjectImport) => `import/${record.project_id}/${record.id}.json`;

/** Claims the record for this transaction: a concurrent run of the same import waits here. */
async function isCompleted(manager: EntityManager, importId: number): Promise<boolean> {
  const query = manager
    .createQueryBuilder(ProjectImport, 'import')
    .select('import.status', 'status')
    .where('import.id = :importId', { importId });
  if (dialectOfManager(manager) === 'postgres') query.setLock('pessimistic_write');
  const row = await query.getRawOne<{ status: string }>();
  return row?.status === 'completed';
}
