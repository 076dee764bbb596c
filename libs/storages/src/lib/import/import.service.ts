import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Annotation, checkedResult, Prediction, recountTasks } from '@ls/annotations';
import { AuthContext, OrganizationMember, User } from '@ls/auth';
import { AppConfig, TransactionRunner, ValidationFailedException } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { Task, TasksCreated, TasksService } from '@ls/tasks';
import { ProjectImport } from './project-import.entity';
import { checkedItems, ImportedAnnotation, ImportItem, taskItemsOf } from './task-items';

const BATCH = 500;

export interface ImportOptions {
  commitToProject: boolean;
  returnTaskIds: boolean;
}

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
    items.slice(i * BATCH, (i + 1) * BATCH),
  );

/** Tasks, with their annotations and predictions, into a project: all of them or none. */
@Injectable()
export class ImportService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly tasks: TasksService,
    @InjectRepository(ProjectImport) private readonly imports: Repository<ProjectImport>,
    @InjectRepository(Task) private readonly taskRows: Repository<Task>,
  ) {}

  async importBody(auth: AuthContext, projectId: number, body: unknown, options: ImportOptions) {
    const started = Date.now();
    const project = await this.projects.get(auth, projectId);
    const items = checkedItems(taskItemsOf(body, this.config.IMPORT_MAX_TASKS), project.data_types);
    const record = this.imports.create({
      project_id: project.id,
      status: 'completed',
      commit_to_project: options.commitToProject,
      return_task_ids: options.returnTaskIds,
      preannotated_from_fields: null,
      url: null,
      error: null,
      file_upload_ids: [],
      could_be_tasks_list: false,
      found_formats: {},
      data_columns: dataColumnsOf(items),
      task_ids: [],
      task_count: items.length,
      finished_at: new Date(),
    });
    if (!options.commitToProject) return this.imports.save({ ...record, duration: 0 });
    return this.transactions.run(async (tx) => {
      const annotators = await annotatorsOf(tx.manager, auth, items);
      const tasks = await this.tasks.addTasks(tx.manager, project, items);
      const annotations = await insertAnnotations(
        tx.manager,
        auth,
        project,
        tasks,
        items,
        annotators,
      );
      const predictions = await insertPredictions(tx.manager, project, tasks, items, this.config);
      // Only tasks that came with annotations or predictions have counters to set.
      const counted = tasks.filter(
        (_, i) => items[i].annotations.length || items[i].predictions.length,
      );
      for (const batch of chunks(counted.map((task) => task.id))) {
        await recountTasks(tx.manager, batch, project, null);
      }
      const taskIds = tasks.map((task) => task.id);
      tx.afterCommit(new TasksCreated(auth.organizationId, project.id, taskIds));
      return tx.manager.save(ProjectImport, {
        ...record,
        annotation_count: annotations,
        prediction_count: predictions,
        task_ids: options.returnTaskIds ? taskIds : [],
        duration: Math.round((Date.now() - started) / 1000),
      });
    });
  }

  async get(auth: AuthContext, projectId: number, importId: number): Promise<ProjectImport> {
    await this.projects.get(auth, projectId);
    const found = await this.imports.findOneBy({ id: importId, project_id: projectId });
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }

  /** Predictions for tasks of the project, in one transaction; every task must be the project's. */
  async importPredictions(auth: AuthContext, projectId: number, body: unknown): Promise<number> {
    const project = await this.projects.get(auth, projectId);
    if (!Array.isArray(body) || body.length === 0) {
      throw new ValidationFailedException({
        non_field_errors: ['Expected a non-empty list of predictions.'],
      });
    }
    const taskIds = [...new Set(body.map((item) => Number((item as { task?: unknown })?.task)))];
    const known = new Set(
      (await this.tasksOf(project, taskIds.filter(Number.isInteger))).map((task) => task.id),
    );
    const errors = Object.fromEntries(
      body.flatMap((item, index) =>
        known.has(Number((item as { task?: unknown })?.task))
          ? []
          : [
              [
                `[${index}].task`,
                [`Task ${(item as { task?: unknown })?.task} is not in project ${project.id}`],
              ],
            ],
      ),
    );
    if (Object.keys(errors).length > 0) throw new ValidationFailedException(errors);
    return this.transactions.run(async ({ manager }) => {
      const rows = body.map((item) => predictionRow(item, Number(item.task), project, this.config));
      for (const batch of chunks(rows)) await manager.insert(Prediction, batch as never[]);
      for (const batch of chunks([...known]))
        await recountTasks(manager, batch, project, auth.user.id);
      return rows.length;
    });
  }

  private async tasksOf(project: Project, ids: number[]): Promise<Task[]> {
    if (ids.length === 0) return [];
    return this.taskRows.find({
      select: { id: true },
      where: { project_id: project.id, id: In(ids) },
    });
  }
}

function dataColumnsOf(items: ImportItem[]): string[] {
  const columns = new Set<string>();
  for (const item of items) for (const key of Object.keys(item.data)) columns.add(key);
  return [...columns];
}

/** Annotators named by the items (an email object or a user id) among the organization's members. */
async function annotatorsOf(
  manager: EntityManager,
  auth: AuthContext,
  items: ImportItem[],
): Promise<Map<string, number>> {
  const emails = new Set<string>();
  const ids = new Set<number>();
  for (const annotation of items.flatMap((item) => item.annotations)) {
    const by = annotation.completed_by;
    if (by === undefined || by === null) continue;
    if (typeof by === 'number' && Number.isInteger(by)) ids.add(by);
    else if (typeof by === 'object' && typeof (by as { email?: unknown }).email === 'string') {
      emails.add((by as { email: string }).email.toLowerCase());
    } else {
      throw new ValidationFailedException({
        completed_by: [`Unknown annotator ${JSON.stringify(by)}`],
      });
    }
  }
  const known = new Map<string, number>();
  if (emails.size === 0 && ids.size === 0) return known;
  const members = await manager
    .createQueryBuilder(User, 'user')
    .innerJoin(
      OrganizationMember,
      'member',
      'member.user_id = user.id AND member.deleted_at IS NULL',
    )
    .where('member.organization_id = :organizationId', { organizationId: auth.organizationId })
    .andWhere('(user.email IN (:...emails) OR user.id IN (:...ids))', {
      emails: [...emails, ''],
      ids: [...ids, 0],
    })
    .getMany();
  for (const user of members) {
    known.set(`email:${user.email}`, user.id);
    known.set(`id:${user.id}`, user.id);
  }
  const unknownEmail = [...emails].find((email) => !known.has(`email:${email}`));
  if (unknownEmail) {
    throw new ValidationFailedException({
      completed_by: [`Unknown annotator's email ${unknownEmail}`],
    });
  }
  const unknownId = [...ids].find((id) => !known.has(`id:${id}`));
  if (unknownId !== undefined) {
    throw new ValidationFailedException({ completed_by: [`Unknown annotator ${unknownId}`] });
  }
  return known;
}

function annotatorId(
  annotation: ImportedAnnotation,
  auth: AuthContext,
  known: Map<string, number>,
) {
  const by = annotation.completed_by;
  if (typeof by === 'number') return known.get(`id:${by}`) as number;
  if (by && typeof by === 'object') {
    return known.get(`email:${(by as { email: string }).email.toLowerCase()}`) as number;
  }
  return auth.user.id;
}

async function insertAnnotations(
  manager: EntityManager,
  auth: AuthContext,
  project: Project,
  tasks: Task[],
  items: ImportItem[],
  annotators: Map<string, number>,
): Promise<number> {
  const rows = items.flatMap((item, index) =>
    item.annotations.map((annotation) => ({
      result: annotation.result,
      task_id: tasks[index].id,
      project_id: project.id,
      completed_by_id: annotatorId(annotation, auth, annotators),
      updated_by_id: auth.user.id,
      was_cancelled: annotation.was_cancelled === true,
      // Imported annotations are ground truth unless they say otherwise, as in Label Studio.
      ground_truth: annotation.ground_truth !== false,
      lead_time: typeof annotation.lead_time === 'number' ? annotation.lead_time : null,
      last_action: 'imported' as const,
      last_created_by_id: auth.user.id,
      import_id: Number.isInteger(annotation.id) ? String(annotation.id) : null,
      bulk_created: false,
    })),
  );
  for (const batch of chunks(rows)) await manager.insert(Annotation, batch as never[]);
  return rows.length;
}

function predictionRow(item: unknown, taskId: number, project: Project, config: AppConfig) {
  const prediction = item as { result: unknown; score?: unknown; model_version?: unknown };
  const score = Number(prediction.score);
  return {
    result: checkedResult(prediction.result, project.parsed_label_config, {
      validate: config.VALIDATE_PREDICTIONS,
    }),
    score: prediction.score === undefined || Number.isNaN(score) ? null : score,
    model_version:
      typeof prediction.model_version === 'string' ? prediction.model_version : 'undefined',
    task_id: taskId,
    project_id: project.id,
  };
}

async function insertPredictions(
  manager: EntityManager,
  project: Project,
  tasks: Task[],
  items: ImportItem[],
  config: AppConfig,
): Promise<number> {
  const rows = items.flatMap((item, index) =>
    item.predictions.map((prediction, position) => {
      try {
        return predictionRow(prediction, tasks[index].id, project, config);
      } catch (error) {
        if (!(error instanceof ValidationFailedException)) throw error;
        throw new ValidationFailedException({
          [`[${index}].predictions`]: Object.values(error.errors)
            .flat()
            .map((message) => `Task ${index}, prediction ${position}: ${message}`),
        });
      }
    }),
  );
  for (const batch of chunks(rows)) await manager.insert(Prediction, batch as never[]);
  return rows.length;
}
