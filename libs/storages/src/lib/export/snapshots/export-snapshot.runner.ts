import { Injectable, Logger } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { memberContext } from '@ls/auth';
import { TaskSelections } from '@ls/data-manager';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { LocalFile } from '../../files/file-store';
import { ExportConversion } from '../conversion/export-conversion';
import { exportFileName } from '../export-names';
import { writeExportJson } from '../tasks/export-json-file';
import { ExportTaskReader } from '../tasks/export-task-reader';
import { isVideoTracking } from '../tasks/key-frames';
import { ConvertedFormat } from './converted-format.entity';
import { ExportFiles } from './export-files';
import { ExportSnapshot } from './export-snapshot.entity';

/** A run that cannot succeed however often it is tried (the project or view is gone...). */
class ExportRefused extends Error {}

/**
 * What the export jobs do. Each run starts over: it writes to a local file of its own
 * (`DATA_DIR/tmp`), puts it in the file store under its final name only when complete, then
 * marks the record in one update, so a run killed in the middle leaves no half-written file
 * behind a completed record, and the next try simply redoes it.
 */
@Injectable()
export class ExportSnapshotRunner {
  private readonly logger = new Logger(ExportSnapshotRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ExportTaskReader,
    private readonly selections: TaskSelections,
    private readonly conversion: ExportConversion,
    private readonly files: ExportFiles,
  ) {}

  async writeSnapshot(exportId: number, lastTry: boolean): Promise<ExportSnapshot | null> {
    const snapshots = this.dataSource.getRepository(ExportSnapshot);
    const snapshot = await snapshots.findOneBy({ id: exportId });
    if (!snapshot || snapshot.status === 'completed' || snapshot.status === 'failed') {
      return snapshot;
    }
    await snapshots.update({ id: exportId }, { status: 'in_progress' });
    const partial = await this.files.temporaryPath();
    try {
      const project = await this.projectOf(snapshot.project_id);
      const written = await writeExportJson(
        this.reader.batches(
          this.dataSource.manager,
          await this.selectionOf(snapshot, project),
          snapshot.options,
          {
            interpolateKeyFrames:
              snapshot.options.serialization.interpolate_key_frames === true &&
              isVideoTracking(project.parsed_label_config ?? {}),
          },
        ),
        partial,
      );
      const file = this.files.nameOf(
        `${exportFileName(project.id, snapshot.created_at, written.md5)}.json`,
      );
      await this.files.putLocal(file, partial);
      await snapshots.update(
        { id: exportId },
        {
          status: 'completed',
          md5: written.md5,
          counters: written.counters,
          file,
          finished_at: new Date(),
          error: null,
        },
      );
    } catch (error) {
      await rm(partial, { force: true });
      if (!(error instanceof ExportRefused) && !lastTry) throw error;
      this.logger.error({ err: error, exportId }, 'An export snapshot failed');
      await snapshots.update(
        { id: exportId },
        { status: 'failed', error: messageOf(error), finished_at: new Date() },
      );
    }
    return snapshots.findOneBy({ id: exportId });
  }

  async convert(convertedId: number, lastTry: boolean): Promise<ConvertedFormat | null> {
    const conversions = this.dataSource.getRepository(ConvertedFormat);
    const converted = await conversions.findOneBy({ id: convertedId });
    if (!converted || converted.status === 'completed' || converted.status === 'failed') {
      return converted;
    }
    await conversions.update({ id: convertedId }, { status: 'in_progress' });
    const workDir = await this.files.temporaryDir(`convert-${convertedId}-`);
    let json: LocalFile | undefined;
    try {
      const snapshot = await this.dataSource
        .getRepository(ExportSnapshot)
        .findOneBy({ id: converted.export_id });
      if (!snapshot?.file) throw new ExportRefused('The export snapshot is not completed.');
      const project = await this.projectOf(snapshot.project_id);
      json = await this.files.localCopy(snapshot.file);
      const result = await this.conversion.convert({
        project,
        jsonPath: json.path,
        format: converted.export_type,
        downloadResources: converted.download_resources,
        workDir: join(workDir, 'files'),
        now: new Date(),
      });
      if (!result) {
        throw new ExportRefused(
          'No converted file found, probably there are no annotations in the export snapshot',
        );
      }
      const name = `${exportFileName(project.id, snapshot.created_at, snapshot.md5)}${result.extension}`;
      const file = this.files.nameOf(`${project.id}/${converted.export_type}-${name}`);
      await this.files.put(file, result.open());
      await conversions.update({ id: convertedId }, { status: 'completed', file, traceback: null });
    } catch (error) {
      if (!(error instanceof ExportRefused) && !lastTry) throw error;
      this.logger.error({ err: error, convertedId }, 'An export conversion failed');
      await conversions.update(
        { id: convertedId },
        { status: 'failed', traceback: messageOf(error) },
      );
    } finally {
      await json?.release();
      await rm(workDir, { recursive: true, force: true });
    }
    return conversions.findOneBy({ id: convertedId });
  }

  private async projectOf(projectId: number): Promise<Project> {
    const project = await this.dataSource.manager.findOneBy(Project, { id: projectId });
    if (!project) throw new ExportRefused('The project no longer exists.');
    return project;
  }

  /** The project's tasks, or those of the view the export names, seen as its creator sees them. */
  private async selectionOf(
    snapshot: ExportSnapshot,
    project: Project,
  ): Promise<SelectQueryBuilder<Task>> {
    const viewId = snapshot.options.tasks.view;
    if (viewId === undefined) {
      return this.dataSource.manager
        .createQueryBuilder(Task, 'task')
        .where('task.project_id = :project', { project: project.id });
    }
    const auth = snapshot.created_by_id
      ? await memberContext(
          this.dataSource.manager,
          snapshot.created_by_id,
          project.organization_id,
        )
      : null;
    if (!auth) throw new ExportRefused('The author of the export is no longer a member.');
    const selection = await this.selections
      .resolve(auth, { projectId: project.id, viewId })
      .catch(() => Promise.reject(new ExportRefused(`View ${viewId} of the project is gone.`)));
    return this.selections.query(selection);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
