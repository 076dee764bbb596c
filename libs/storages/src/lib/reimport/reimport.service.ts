import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ImportedAnnotations } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import {
  AppConfig,
  assertIdListSize,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { ImportedTasks } from '@ls/tasks';
import { failureMessageOf } from '../import/failure-message';
import { importTasks } from '../import/task-importer';
import { foundFormatsOf, uploadSources } from '../import/upload-sources';
import { FileUpload } from '../uploads/file-upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { ProjectReimport } from './project-reimport.entity';

export interface ReimportRequest {
  file_upload_ids?: unknown;
  files_as_tasks_list?: unknown;
}

const isIdList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((id) => Number.isInteger(id) && (id as number) > 0);

/**
 * Makes a project's tasks again from files uploaded earlier (typically after an upload with
 * `commit_to_project=false`, once the user chose how to read CSV/TSV/TXT): the tasks made from
 * those files are deleted and the files imported again, in one transaction.
 */
@Injectable()
export class ReimportService {
  private readonly logger = new Logger(ReimportService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly importedTasks: ImportedTasks,
    private readonly importedAnnotations: ImportedAnnotations,
    private readonly uploads: UploadsService,
    @InjectRepository(ProjectReimport) private readonly reimports: Repository<ProjectReimport>,
  ) {}

  async reimport(
    auth: AuthContext,
    projectId: number,
    request: ReimportRequest,
  ): Promise<{ record: ProjectReimport; duration: number } | null> {
    const project = await this.projects.get(auth, projectId);
    if (!isIdList(request.file_upload_ids)) {
      throw new ValidationFailedException({
        file_upload_ids: ['Expected a list of file upload ids.'],
      });
    }
    if (request.file_upload_ids.length === 0) return null;
    assertIdListSize('file_upload_ids', request.file_upload_ids);
    const filesAsTasksList = request.files_as_tasks_list !== false;
    const ids = [...new Set(request.file_upload_ids)];
    const found = await this.reimports.manager.findBy(FileUpload, {
      id: In(ids),
      project_id: project.id,
    });
    const missing = ids.filter((id) => !found.some((upload) => upload.id === id));
    if (missing.length > 0) {
      throw new ValidationFailedException({
        file_upload_ids: [`File uploads ${missing.join(', ')} are not in project ${project.id}`],
      });
    }
    const uploads = ids.map((id) => found.find((upload) => upload.id === id) as FileUpload);
    const started = Date.now();
    const record = await this.reimports.save(
      this.reimports.create({
        project_id: project.id,
        status: 'in_progress',
        error: null,
        file_upload_ids: ids,
        files_as_tasks_list: filesAsTasksList,
        found_formats: {},
        data_columns: [],
        finished_at: null,
      }),
    );
    try {
      const done = await this.transactions.run(async (tx) => {
        await this.importedTasks.deleteMadeFrom(tx, project, ids);
        const outcome = await importTasks(tx.manager, {
          project,
          importerId: auth.user.id,
          organizationId: auth.organizationId,
          importedAnnotations: this.importedAnnotations,
          validatePredictions: this.config.VALIDATE_PREDICTIONS,
          sources: uploadSources(uploads, this.uploads),
          commit: true,
          preannotatedFields: [],
          filesAsTasksList,
          maxTasks: this.config.IMPORT_MAX_TASKS,
        });
        await this.importedTasks.added(tx, project, outcome.taskIds);
        return tx.manager.save(ProjectReimport, {
          ...record,
          status: 'completed' as const,
          task_count: outcome.taskCount,
          annotation_count: outcome.annotationCount,
          prediction_count: outcome.predictionCount,
          found_formats: foundFormatsOf(uploads),
          data_columns: outcome.dataColumns,
          duration: Math.round((Date.now() - started) / 1000),
          finished_at: new Date(),
        });
      });
      return { record: done, duration: (Date.now() - started) / 1000 };
    } catch (error) {
      await this.reimports.update(
        { id: record.id },
        {
          status: 'failed',
          error: failureMessageOf(error, this.logger, { reimportId: record.id }),
          finished_at: new Date(),
        },
      );
      throw error;
    }
  }

  async get(auth: AuthContext, projectId: number, reimportId: number): Promise<ProjectReimport> {
    await this.projects.get(auth, projectId);
    const found = await this.reimports.findOneBy({ id: reimportId, project_id: projectId });
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }
}
