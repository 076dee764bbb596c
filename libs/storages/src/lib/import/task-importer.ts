import { EntityManager } from 'typeorm';
import { ImportedAnnotations } from '@ls/annotations';
import { ValidationFailedException } from '@ls/core';
import { TaskBulkInsert } from '@ls/tasks';
import { LocalFile } from '../files/file-store';
import { AnnotatorDirectory } from './annotators';
import { formatOf, isSingleAssetFormat } from './formats/supported-formats';
import { ImportFormatError, readsContent, readTasks } from './formats/read-tasks';
import { annotationRow, ImportTarget, predictionProblem, predictionRow } from './import-rows';
import { ImportItem, ItemChecker } from './task-items';

/** Tasks read, checked and written at a time: bounds memory whatever the input's size. */
export const IMPORT_BATCH = 5000;

export interface ImportFile {
  name: string;
  /** Where the file is served, for tasks that point at it (media). */
  url: string;
  /** The content as a file on this machine's disk, asked for only when the format needs it. */
  localCopy(): Promise<LocalFile>;
}

export type ImportSource =
  | {
      kind: 'items';
      items: unknown[];
      /** Per item: the storage object it was read from (`task.storage_filename`). */
      storageFilenames?: string[];
    }
  | { kind: 'file'; file: ImportFile; fileUploadId: number | null };

export interface ImportPlan extends ImportTarget {
  organizationId: number;
  /** Writes the annotations and predictions that come with the tasks (the annotations library's rows). */
  importedAnnotations: ImportedAnnotations;
  sources: ImportSource[];
  /** False: read and check only, write nothing (`commit_to_project=false`). */
  commit: boolean;
  preannotatedFields: string[];
  filesAsTasksList: boolean;
  maxTasks: number;
  onProgress?: (percent: number) => Promise<void>;
}

export interface ImportOutcome {
  taskIds: number[];
  taskCount: number;
  annotationCount: number;
  predictionCount: number;
  dataColumns: string[];
  lastModelVersion: string | null;
}

async function* batchesOf(source: ImportSource, plan: ImportPlan): AsyncIterable<unknown[]> {
  if (source.kind === 'items') {
    for (let start = 0; start < source.items.length; start += IMPORT_BATCH) {
      yield source.items.slice(start, start + IMPORT_BATCH);
    }
    return;
  }
  const { name, url } = source.file;
  const options = { filesAsTasksList: plan.filesAsTasksList, batchSize: IMPORT_BATCH };
  const local = readsContent(name, options) ? await source.file.localCopy() : null;
  try {
    yield* readTasks({ name, url, path: local?.path ?? '' }, options);
  } catch (error) {
    if (error instanceof ImportFormatError) {
      throw new ValidationFailedException({ file: [error.message] });
    }
    throw error;
  } finally {
    await local?.release();
  }
}

/** Tasks made from a file alone (media, HTML) can fill one data key only. */
function assertSingleAssetFits(plan: ImportPlan): void {
  const singleAsset = plan.sources.some((source) => {
    if (source.kind !== 'file') return false;
    const format = formatOf(source.file.name);
    return format !== null && (isSingleAssetFormat(format) || !plan.filesAsTasksList);
  });
  if (singleAsset && Object.keys(plan.project.data_types).length > 1) {
    throw new ValidationFailedException({
      file: [
        'Your label config has more than one data key and direct file upload supports only one ' +
          'data key. To import data with multiple data keys, use a JSON or CSV file.',
      ],
    });
  }
}

/**
 * Reads every source in batches, checks each item and writes tasks with their annotations and
 * predictions through `manager` (one transaction, owned by the caller). Throws a 400 listing
 * the problems when any item is invalid: the caller's transaction then writes nothing.
 */
export async function importTasks(
  manager: EntityManager,
  plan: ImportPlan,
): Promise<ImportOutcome> {
  assertSingleAssetFits(plan);
  const checker = new ItemChecker({
    dataTypes: plan.project.data_types,
    labelConfig: plan.project.parsed_label_config,
    preannotatedFields: plan.preannotatedFields,
  });
  const batchWriter = plan.commit ? await BatchWriter.start(manager, plan) : null;
  const columns = new Set<string>();
  for (const [position, source] of plan.sources.entries()) {
    for await (const batch of batchesOf(source, plan)) {
      const items = checker.check(batch);
      if (checker.count > plan.maxTasks) {
        throw new ValidationFailedException({
          non_field_errors: [
            `Maximum task number is ${plan.maxTasks}, current task number is more than ${plan.maxTasks}`,
          ],
        });
      }
      for (const item of items) for (const key of Object.keys(item.data)) columns.add(key);
      if (batchWriter && !checker.failed) {
        await batchWriter.write(
          items,
          source.kind === 'file' ? source.fileUploadId : null,
          source.kind === 'items' ? source.storageFilenames : undefined,
        );
      }
      if (source.kind === 'items') {
        await plan.onProgress?.(
          Math.floor((100 * checker.count) / Math.max(1, source.items.length)),
        );
      }
    }
    await plan.onProgress?.(Math.floor((100 * (position + 1)) / plan.sources.length));
  }
  checker.assertValid();
  if (checker.count === 0) {
    throw new ValidationFailedException({ non_field_errors: ['load_tasks: No tasks added'] });
  }
  return {
    ...(batchWriter?.totals() ?? {
      taskIds: [],
      annotationCount: 0,
      predictionCount: 0,
      lastModelVersion: null,
    }),
    taskCount: checker.count,
    dataColumns: [...columns],
  };
}

/** Writes checked batches: tasks numbered in order, then their annotations and predictions. */
class BatchWriter {
  private readonly taskIds: number[] = [];
  private annotationCount = 0;
  private predictionCount = 0;
  private lastModelVersion: string | null = null;

  private constructor(
    private readonly manager: EntityManager,
    private readonly plan: ImportPlan,
    private readonly tasks: TaskBulkInsert,
    private readonly annotators: AnnotatorDirectory,
  ) {}

  static async start(manager: EntityManager, plan: ImportPlan): Promise<BatchWriter> {
    return new BatchWriter(
      manager,
      plan,
      await TaskBulkInsert.start(manager, plan.project),
      new AnnotatorDirectory(manager, plan.organizationId, plan.importerId),
    );
  }

  totals() {
    return {
      taskIds: this.taskIds,
      annotationCount: this.annotationCount,
      predictionCount: this.predictionCount,
      lastModelVersion: this.lastModelVersion,
    };
  }

  async write(
    items: ImportItem[],
    fileUploadId: number | null,
    storageFilenames?: string[],
  ): Promise<void> {
    if (items.length === 0) return;
    const ids = await this.tasks.add(
      items.map((item) => ({
        data: item.data,
        meta: item.meta,
        file_upload_id: fileUploadId,
        storage_filename: storageFilenames?.[item.index] ?? null,
      })),
    );
    for (const id of ids) this.taskIds.push(id);
    const labeled = items.flatMap((item, i) =>
      item.annotations.length || item.predictions.length ? [{ item, taskId: ids[i] }] : [],
    );
    if (labeled.length === 0) return;
    await this.annotators.learn(labeled.flatMap(({ item }) => item.annotations));
    const annotations = labeled.flatMap(({ item, taskId }) =>
      item.annotations.map((annotation) =>
        annotationRow(annotation, taskId, this.plan, this.annotators),
      ),
    );
    const predictions = labeled.flatMap(({ item, taskId }) =>
      item.predictions.map((prediction, position) => {
        try {
          return predictionRow(prediction, taskId, this.plan);
        } catch (error) {
          throw predictionProblem(error, item.index, position);
        }
      }),
    );
    await this.plan.importedAnnotations.insert(
      this.manager,
      this.plan.project,
      { annotations, predictions },
      null,
    );
    this.annotationCount += annotations.length;
    this.predictionCount += predictions.length;
    if (predictions.length)
      this.lastModelVersion = predictions[predictions.length - 1].model_version;
  }
}
