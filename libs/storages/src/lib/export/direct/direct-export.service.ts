import { Injectable } from '@nestjs/common';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { AppConfig, ValidationFailedException } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { Task } from '@ls/tasks';
import { ExportConversion, UnsupportedExportFormat } from '../conversion/export-conversion';
import { contentTypeOf, exportFileName } from '../export-names';
import { writeExportJson } from '../tasks/export-json-file';
import { ExportTaskReader } from '../tasks/export-task-reader';
import { isVideoTracking } from '../tasks/key-frames';
import { DirectExportQuery } from './direct-export.query';

export interface DirectExportFile {
  name: string;
  contentType: string;
  content: Readable;
  /** Removes the files of the export once the response has been sent. */
  cleanup(): Promise<void>;
}

/**
 * `GET /api/projects/{id}/export`: the project's tasks (those with an annotation, cancelled ones
 * count, unless `download_all_tasks`) written to a JSON file a batch at a time, converted when
 * another format is asked, then streamed from disk.
 */
@Injectable()
export class DirectExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly reader: ExportTaskReader,
    private readonly conversion: ExportConversion,
    private readonly config: AppConfig,
  ) {}

  async export(
    auth: AuthContext,
    projectId: number,
    query: DirectExportQuery,
  ): Promise<DirectExportFile> {
    const project = await this.projects.get(auth, projectId);
    const format = query.exportType ?? query.export_type ?? 'JSON';
    const ids = query.ids ?? query['ids[]'];
    const root = resolve(this.config.DATA_DIR, 'export');
    await mkdir(root, { recursive: true });
    const workDir = await mkdtemp(join(root, 'direct-'));
    const cleanup = () => rm(workDir, { recursive: true, force: true });
    try {
      const now = new Date();
      const jsonPath = join(workDir, 'export.json');
      const selected = this.dataSource.manager
        .createQueryBuilder(Task, 'task')
        .where('task.project_id = :project', { project: project.id });
      const written = await writeExportJson(
        this.reader.batches(
          this.dataSource.manager,
          selected,
          {
            tasks: { only_with_annotations: query.download_all_tasks !== true, ids },
            annotations: { usual: true, ground_truth: true, skipped: true },
            serialization: { drafts: { only_id: false } },
          },
          {
            interpolateKeyFrames:
              query.interpolate_key_frames === true &&
              isVideoTracking(project.parsed_label_config ?? {}),
          },
        ),
        jsonPath,
      );
      const result = await this.conversion.convert({
        project,
        jsonPath,
        format,
        // Label Studio's default (`CONVERTER_DOWNLOAD_RESOURCES`): media are copied unless refused.
        downloadResources: query.download_resources !== false,
        workDir: join(workDir, 'converted'),
        now,
      });
      if (!result) {
        throw new ValidationFailedException({
          export_type: [
            'No converted file found, probably there are no annotations in the export.',
          ],
        });
      }
      return {
        name: exportFileName(project.id, now, written.md5) + result.extension,
        contentType: contentTypeOf(result.extension),
        content: result.open(),
        cleanup,
      };
    } catch (error) {
      await cleanup();
      if (error instanceof UnsupportedExportFormat) {
        throw new ValidationFailedException({ export_type: [error.message] });
      }
      throw error;
    }
  }
}
