import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext, OrganizationScope, User } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { effectiveRole, TasksService, TaskVisibility } from '@ls/tasks';
import { assertNotPaused } from '../access/paused-caller';
import { AnnotationDraft } from '../entities/annotation-draft.entity';
import { Annotation } from '../entities/annotation.entity';
import { parseResult } from '../results/result-input';
import { TaskAccess } from '../task-access';
import { translateWriteError } from '../writes/write-errors';
import { CreateDraftDto } from './dto/create-draft.dto';
import { DraftInputDto } from './dto/draft-input.dto';

/** A draft with the project of its task (what the access rules are decided on). */
export type PlacedDraft = AnnotationDraft & { project_id: number };

/**
 * A draft's result: a list of objects (or a JSON string of one), not checked against the label
 * config: a draft is work in progress, saved as the editor has it.
 */
function draftResult(value: unknown): unknown[] {
  const result = parseResult(value);
  const bad = result.findIndex(
    (item) => typeof item !== 'object' || item === null || Array.isArray(item),
  );
  if (bad >= 0) {
    throw new ValidationFailedException({ result: [`Result item ${bad} is not an object.`] });
  }
  return result;
}

/**
 * Drafts: what the labeling editor saves while a user works on a task (Label Studio's
 * `AnnotationDraftListAPI` / `AnnotationDraftAPI`). A user sees and lists their own drafts;
 * managers and above may read, change and delete anyone's by id, as Label Studio's
 * `_can_access_draft` lets them; a reviewer gets 403 on another's, an annotator 404 (they may
 * not know it is there).
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly access: TaskAccess,
    private readonly tasks: TasksService,
    private readonly visibility: TaskVisibility,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
  ) {}

  /** The caller's drafts of a task they may see, oldest first. */
  async listForTask(auth: AuthContext, taskId: number): Promise<AnnotationDraft[]> {
    await this.tasks.getVisible(auth, taskId);
    return this.drafts.find({
      where: { task_id: taskId, user_id: auth.user.id },
      order: { id: 'ASC' },
    });
  }

  /**
   * A draft of the caller's on a task they may label, of a new annotation or (`annotationId`)
   * of one of the task's annotations the caller may see. Paused callers are refused as on
   * annotation create.
   */
  async create(
    auth: AuthContext,
    taskId: number,
    input: CreateDraftDto,
    annotationId?: number,
  ): Promise<AnnotationDraft> {
    assertNotPaused(auth);
    const known = await this.access.writeTarget(auth, taskId);
    if (!known) throw new NotFoundException('Not found.');
    const task = known.target;
    await this.visibility.assertMayLabel(auth, task);
    if (annotationId !== undefined) {
      const annotation = await this.annotations.findOne({
        select: { id: true, completed_by_id: true },
        where: { id: annotationId, task_id: task.id },
      });
      const hidden =
        !annotation ||
        (effectiveRole(auth, task.project_id).role === 'AN' &&
          annotation.completed_by_id !== auth.user.id);
      if (hidden) throw new NotFoundException('Not found.');
    }
    const draft = this.drafts.create({
      result: draftResult(input.result),
      lead_time: input.lead_time ?? null,
      was_postponed: input.was_postponed ?? false,
      task_id: task.id,
      annotation_id: annotationId ?? null,
      user_id: auth.user.id,
      import_id: null,
    });
    return this.drafts.save(draft).catch((error: unknown) => {
      throw translateWriteError(error);
    });
  }

  async get(auth: AuthContext, id: number): Promise<PlacedDraft> {
    return this.accessible(auth, id);
  }

  async update(auth: AuthContext, id: number, input: DraftInputDto): Promise<PlacedDraft> {
    const draft = await this.accessible(auth, id);
    assertNotPaused(auth, draft.project_id);
    const changes: Partial<AnnotationDraft> = {};
    if (input.result !== undefined) changes.result = draftResult(input.result);
    if (input.lead_time !== undefined) changes.lead_time = input.lead_time;
    if (input.was_postponed !== undefined) changes.was_postponed = input.was_postponed;
    if (Object.keys(changes).length > 0) {
      await this.drafts
        .update({ id }, changes as QueryDeepPartialEntity<AnnotationDraft>)
        .catch((error: unknown) => {
          throw translateWriteError(error);
        });
    }
    return this.accessible(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    await this.accessible(auth, id);
    await this.drafts.delete({ id });
  }

  /** The user a draft shows as its author (`created_username`), read only for another's. */
  async authorOf(auth: AuthContext, draft: AnnotationDraft): Promise<User | null> {
    if (draft.user_id === auth.user.id) return auth.user;
    return this.drafts.manager.findOne(User, { where: { id: draft.user_id } });
  }

  /** The draft, in the caller's organization, and one the caller may reach (see the class). */
  private async accessible(auth: AuthContext, id: number): Promise<PlacedDraft> {
    const query = this.drafts
      .createQueryBuilder('draft')
      .innerJoinAndSelect('draft.task', 'task')
      .innerJoin('task.project', 'project')
      .where('draft.id = :id', { id });
    const draft = await OrganizationScope.restrict(query, 'project', auth).getOne();
    if (!draft?.task) throw new NotFoundException('Not found.');
    const placed = Object.assign(draft, { project_id: draft.task.project_id });
    if (draft.user_id === auth.user.id) return placed;
    const { role, limited } = effectiveRole(auth, placed.project_id);
    if (!limited) return placed;
    if (role === 'AN') throw new NotFoundException('Not found.');
    throw new ForbiddenException('You do not have permission to access this draft');
  }
}
