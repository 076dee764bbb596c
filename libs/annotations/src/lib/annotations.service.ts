import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext, User } from '@ls/auth';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { Project, ProjectScope } from '@ls/projects';
import { effectiveRole, TaskCounters, TasksService, TaskVisibility } from '@ls/tasks';
import { assertMayAuthor, assertMayChange } from './access/annotation-ownership';
import { assertNotPaused } from './access/paused-caller';
import { AnnotationInputDto } from './dto/annotation-input.dto';
import { BulkAnnotationDto } from './dto/bulk-annotation.dto';
import { BulkDeleteAnnotationsDto } from './dto/bulk-delete-annotations.dto';
import { AnnotationDraft } from './entities/annotation-draft.entity';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import {
  AnnotationsCreated,
  AnnotationsDeleted,
  AnnotationUpdated,
} from './events/annotation-events';
import { checkedResult } from './results/result-input';
import { TaskAccess, WriteTarget } from './task-access';
import { Alongside, AnnotationWriter, NewAnnotation } from './writes/annotation-writer';
import { duplicateUniqueId, translateWriteError } from './writes/write-errors';

export const ANNOTATION_ORDERINGS = [
  'id',
  '-id',
  'created_at',
  '-created_at',
  'updated_at',
  '-updated_at',
];

@Injectable()
export class AnnotationsService {
  private readonly scope: ProjectScope<Annotation>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: TaskAccess,
    private readonly tasks: TasksService,
    private readonly visibility: TaskVisibility,
    private readonly counters: TaskCounters,
    private readonly writer: AnnotationWriter,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
  ) {
    this.scope = new ProjectScope(annotations);
  }

  /** Annotations of the caller's organization, with their authors. */
  private scoped(auth: AuthContext) {
    return this.scope
      .query(auth, 'annotation')
      .leftJoinAndSelect('annotation.completed_by', 'completed_by');
  }

  async get(auth: AuthContext, id: number): Promise<Annotation> {
    const annotation = await this.scoped(auth).andWhere('annotation.id = :id', { id }).getOne();
    if (!annotation) throw new NotFoundException('Not found.');
    return annotation;
  }

  /**
   * {@link get} for reading: an annotator sees only their own annotations, and only on tasks
   * they may see; another's answers 404 as if it were not there.
   */
  async getVisible(auth: AuthContext, id: number): Promise<Annotation> {
    const annotation = await this.get(auth, id);
    const own = annotation.completed_by_id === auth.user.id;
    if (effectiveRole(auth, annotation.project_id).role === 'AN' && !own) {
      throw new NotFoundException('Not found.');
    }
    await this.visibility.assertVisible(auth, {
      id: annotation.task_id,
      project_id: annotation.project_id,
    });
    return annotation;
  }

  /** A task's annotations that are not skips, as Label Studio lists them (an annotator's own). */
  async listForTask(auth: AuthContext, taskId: number, ordering = 'id'): Promise<Annotation[]> {
    const task = await this.tasks.getVisible(auth, taskId);
    const query = this.scoped(auth)
      .andWhere('annotation.task_id = :taskId', { taskId })
      .andWhere('annotation.was_cancelled = :cancelled', { cancelled: false });
    if (effectiveRole(auth, task.project_id).role === 'AN') {
      query.andWhere('annotation.completed_by_id = :author', { author: auth.user.id });
    }
    return query
      .orderBy(
        `annotation.${ordering.replace(/^-/, '')}`,
        ordering.startsWith('-') ? 'DESC' : 'ASC',
      )
      .getMany();
  }

  /**
   * The labeling hot path. The task's project config usually comes from memory; the write checks
   * it is still the current one. When it is not, or the input did not fit it, the config is read
   * again and the input checked once more against the current one.
   */
  async create(auth: AuthContext, taskId: number, input: AnnotationInputDto): Promise<Annotation> {
    assertNotPaused(auth);
    const known = await this.access.writeTarget(auth, taskId);
    if (known) {
      try {
        const created = await this.createOn(auth, known.target, input, known.configVersion);
        if (created) return created;
      } catch (error) {
        if (!(error instanceof ValidationFailedException)) throw error;
      }
    }
    this.access.forget(taskId);
    const current = await this.access.writeTarget(auth, taskId, { fresh: true });
    const created = current && (await this.createOn(auth, current.target, input, null));
    if (!created) throw new NotFoundException('Not found.');
    return created;
  }

  /**
   * The draft `draftId` names, which must be the caller's own of this task (Label Studio answers
   * 403 otherwise; here also for an id that names no draft, so that nothing tells whether a
   * draft exists in another organization).
   */
  private async draftOfCaller(
    auth: AuthContext,
    taskId: number,
    draftId: number | null | undefined,
  ): Promise<AnnotationDraft | null> {
    // The editor sends `draft_id: 0` when the annotation had no draft: none, as Label Studio reads it.
    if (!draftId) return null;
    const draft = await this.drafts.findOne({
      select: { id: true, created_at: true },
      where: { id: draftId, task_id: taskId, user_id: auth.user.id },
    });
    if (!draft) throw new ForbiddenException(`You have no permission to draft id:${draftId}`);
    return draft;
  }

  private async createOn(
    auth: AuthContext,
    target: WriteTarget,
    input: AnnotationInputDto,
    configVersion: string | null,
  ): Promise<Annotation | null> {
    assertMayAuthor(auth, target.project_id, input.completed_by);
    await this.visibility.assertMayLabel(auth, target);
    const draft = await this.draftOfCaller(auth, target.id, input.draft_id);
    const { rows, author } = await this.newRows(auth, [target], input, false);
    // Made from a draft: it keeps the draft's start, and the draft goes with the insert.
    if (draft) rows[0].draft_created_at = draft.created_at;
    const dropDraft: Alongside | undefined = draft
      ? (manager) => manager.delete(AnnotationDraft, { id: draft.id, user_id: auth.user.id })
      : undefined;
    const created = await this.writer
      .insertOne(
        rows[0],
        { organizationId: auth.organizationId, configVersion },
        target.project,
        (ids, stored) =>
          new AnnotationsCreated(auth.organizationId, target.project_id, ids).carrying(
            stored.map((annotation) => Object.assign(annotation, { completed_by: author })),
          ),
        dropDraft,
      )
      .catch((error: unknown) => {
        throw translateWriteError(error);
      });
    if (created) created.completed_by = author;
    return created;
  }

  /** The same annotation on many tasks of one project; returns the new ids. */
  async bulkCreate(auth: AuthContext, input: BulkAnnotationDto): Promise<number[]> {
    const taskIds = [...new Set(await this.bulkTargets(auth, input))];
    if (taskIds.length === 0)
      throw new ValidationFailedException({ tasks: ['No tasks selected.'] });
    const tasks = await this.access.writeTargets(this.annotations.manager, auth, taskIds);
    if (tasks.length !== taskIds.length) throw new NotFoundException('Not found.');
    if (new Set(tasks.map((task) => task.project_id)).size > 1) {
      throw new ValidationFailedException({ tasks: ['All tasks must belong to one project.'] });
    }
    const created = await this.insert(auth, tasks, input, true);
    return created.map((annotation) => annotation.id);
  }

  async update(auth: AuthContext, id: number, input: AnnotationInputDto): Promise<Annotation> {
    const current = await this.get(auth, id);
    assertMayChange(auth, current);
    assertMayAuthor(auth, current.project_id, input.completed_by);
    await this.transactions.run(async (tx) => {
      const task = await this.access.lockedTask(tx.manager, auth, current.task_id);
      const changes: Partial<Annotation> = { updated_by_id: auth.user.id };
      if (input.result !== undefined)
        changes.result = checkedResult(input.result, task.project.parsed_label_config);
      if (input.completed_by !== undefined) {
        await this.access.assertMember(tx.manager, auth, input.completed_by);
        changes.completed_by_id = input.completed_by;
      }
      for (const field of ['was_cancelled', 'ground_truth', 'lead_time', 'last_action'] as const) {
        if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
      }
      await tx.manager.update(Annotation, { id }, changes as QueryDeepPartialEntity<Annotation>);
      // Saved: the drafts of its edits are done with (Label Studio deletes them the same way).
      await tx.manager.delete(AnnotationDraft, { annotation_id: id });
      if (input.ground_truth) await this.clearOtherGroundTruth(tx.manager, task.id, [id]);
      await this.counters.recount(tx.manager, [task.id], task.project, auth.user.id);
      tx.afterCommit(new AnnotationUpdated(auth.organizationId, task.project_id, [id]));
    });
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const annotation = await this.get(auth, id);
    assertMayChange(auth, annotation);
    await this.deleteMany(auth, annotation.project_id, [annotation]);
  }

  /**
   * `POST /api/annotations/{id}/convert-to-draft`: a draft of the caller's with the annotation's
   * result and lead time (of a new annotation), and the annotation deleted as `delete` does (counters,
   * `AnnotationsDeleted`), in one transaction. Limited roles convert only their own annotations.
   */
  async convertToDraft(auth: AuthContext, id: number): Promise<AnnotationDraft> {
    const annotation = await this.getVisible(auth, id);
    assertMayChange(auth, annotation);
    return this.deleteMany(auth, annotation.project_id, [annotation], (manager) =>
      manager.save(
        manager.create(AnnotationDraft, {
          result: annotation.result ?? [],
          lead_time: annotation.lead_time,
          task_id: annotation.task_id,
          annotation_id: null,
          user_id: auth.user.id,
          was_postponed: false,
          import_id: null,
        }),
      ),
    );
  }

  /** Deletes annotations of one project by id; 404 when any is not there. */
  async bulkDelete(auth: AuthContext, input: BulkDeleteAnnotationsDto): Promise<number> {
    const ids = [...new Set(input.ids)];
    const annotations = await this.scoped(auth)
      .andWhere('annotation.id IN (:...ids)', { ids })
      .andWhere('annotation.project_id = :projectId', { projectId: input.project })
      .getMany();
    if (annotations.length !== ids.length) {
      const missing = ids.filter((id) => !annotations.some((a) => a.id === id));
      throw new ValidationFailedException({
        ids: [`Annotations ${missing.join(', ')} not found in project ${input.project}.`],
      });
    }
    return this.deleteMany(auth, input.project, annotations);
  }

  /** Deletes the annotations and recounts their tasks; returns how many went. */
  private deleteMany(
    auth: AuthContext,
    projectId: number,
    annotations: Annotation[],
  ): Promise<number>;
  /** The same, with `alongside` written in the transaction; returns what it returns. */
  private deleteMany<T>(
    auth: AuthContext,
    projectId: number,
    annotations: Annotation[],
    alongside: (manager: EntityManager) => Promise<T>,
  ): Promise<T>;
  private async deleteMany<T>(
    auth: AuthContext,
    projectId: number,
    annotations: Annotation[],
    alongside?: (manager: EntityManager) => Promise<T>,
  ): Promise<number | T> {
    const taskIds = [...new Set(annotations.map((a) => a.task_id))];
    const ids = annotations.map((a) => a.id);
    return this.transactions.run(async (tx) => {
      const tasks = await this.access.lockedTasks(tx.manager, auth, taskIds);
      const extra = alongside ? await alongside(tx.manager) : undefined;
      const { affected } = await tx.manager.delete(Annotation, { id: In(ids) });
      // Deleted meanwhile: nothing to convert, and the draft goes back with the rollback.
      if (alongside && affected === 0) throw new NotFoundException('Not found.');
      if (tasks.length > 0) {
        await this.counters.recount(tx.manager, taskIds, tasks[0].project, auth.user.id);
      }
      tx.afterCommit(new AnnotationsDeleted(auth.organizationId, projectId, ids));
      return alongside ? (extra as T) : (affected ?? ids.length);
    });
  }

  private async insert(
    auth: AuthContext,
    tasks: WriteTarget[],
    input: AnnotationInputDto,
    bulk: boolean,
  ): Promise<Annotation[]> {
    const project = tasks[0].project;
    const { rows, author } = await this.newRows(auth, tasks, input, bulk);
    const created = await this.writer
      .insert(
        rows,
        project,
        auth.user.id,
        (ids) => new AnnotationsCreated(auth.organizationId, project.id, ids, bulk),
      )
      .catch((error: unknown) => {
        throw translateWriteError(error);
      });
    for (const annotation of created) annotation.completed_by = author;
    return created;
  }

  /** Checks the input against the tasks' project and the organization, and builds the rows. */
  private async newRows(
    auth: AuthContext,
    tasks: WriteTarget[],
    input: AnnotationInputDto,
    bulk: boolean,
  ): Promise<{ rows: NewAnnotation[]; author: User | null }> {
    const project = tasks[0].project;
    const result = checkedResult(input.result ?? [], project.parsed_label_config);
    const completedBy = input.completed_by ?? auth.user.id;
    await this.access.assertMember(this.annotations.manager, auth, completedBy);
    await this.assertParentsIn(project, input);
    if (
      input.unique_id &&
      (await this.annotations.existsBy({ project_id: project.id, unique_id: input.unique_id }))
    ) {
      throw duplicateUniqueId();
    }
    const wasCancelled = input.was_cancelled ?? false;
    const rows: NewAnnotation[] = tasks.map((task, index) => ({
      result,
      task_id: task.id,
      project_id: task.project_id,
      completed_by_id: completedBy,
      updated_by_id: auth.user.id,
      was_cancelled: wasCancelled,
      ground_truth: input.ground_truth ?? false,
      lead_time: input.lead_time ?? null,
      draft_created_at: input.draft_created_at ? new Date(input.draft_created_at) : null,
      parent_prediction_id: input.parent_prediction ?? null,
      parent_annotation_id: input.parent_annotation ?? null,
      last_action: input.last_action ?? (wasCancelled ? 'skipped' : 'submitted'),
      last_created_by_id: auth.user.id,
      import_id:
        input.import_id === undefined || input.import_id === null ? null : String(input.import_id),
      bulk_created: bulk,
      unique_id: index === 0 ? (input.unique_id ?? null) : null,
    }));
    return { rows, author: completedBy === auth.user.id ? auth.user : null };
  }

  /**
   * The annotation or prediction an annotation says it was made from must be of the same
   * project (which also keeps it in the caller's organization); else a 400 on that field.
   */
  private async assertParentsIn(project: Pick<Project, 'id'>, input: AnnotationInputDto) {
    const parents = [
      ['parent_annotation', input.parent_annotation, this.annotations],
      ['parent_prediction', input.parent_prediction, this.predictions],
    ] as const;
    for (const [field, id, rows] of parents) {
      if (id === undefined || id === null) continue;
      const found = await (rows as Repository<Annotation | Prediction>).existsBy({
        id,
        project_id: project.id,
      });
      if (!found) {
        throw new ValidationFailedException({
          [field]: [`Invalid pk "${id}" - object does not exist.`],
        });
      }
    }
  }

  /** Only one ground truth per task: the newest one wins. */
  private async clearOtherGroundTruth(
    manager: EntityManager,
    taskIds: number | number[],
    keep: number[],
  ) {
    await manager.update(
      Annotation,
      { task_id: In([taskIds].flat()), ground_truth: true, id: Not(In(keep)) },
      { ground_truth: false },
    );
  }

  private async bulkTargets(auth: AuthContext, input: BulkAnnotationDto): Promise<number[]> {
    if (input.tasks?.length) return input.tasks;
    const selection = input.selected_items;
    if (!selection || input.project === undefined) {
      throw new ValidationFailedException({
        tasks: ['Give "tasks", or "project" with "selected_items".'],
      });
    }
    // Included ids are taken as given, so one outside the caller's reach is a 404, not skipped.
    if (!selection.all) return selection.included ?? [];
    return this.tasks.selectedIds(auth, input.project, selection);
  }
}
