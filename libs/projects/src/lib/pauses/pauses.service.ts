import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuthContext, OrganizationMember, OrganizationScope } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { ProjectAccessService } from '../access/project-access.service';
import { isWorkingRole } from '../access/visibility-sql';
import { ProjectsService } from '../projects.service';
import { PauseInput, PausePatch } from './dto/pause-input.dto';
import { Pause } from './pause.entity';

/** Where a pause lives: the project and the user of the route. */
export interface PausePlace {
  projectId: number;
  userId: number;
}

/**
 * Pauses of one user in one project. Only annotators and reviewers (by their role in the
 * project) can be paused; unpausing soft-deletes. Writes forget the project's remembered access.
 */
@Injectable()
export class PausesService {
  private readonly memberScope: OrganizationScope<OrganizationMember>;

  constructor(
    private readonly projects: ProjectsService,
    private readonly access: ProjectAccessService,
    @InjectRepository(Pause) private readonly pauses: Repository<Pause>,
    @InjectRepository(OrganizationMember) members: Repository<OrganizationMember>,
  ) {
    this.memberScope = new OrganizationScope(members);
  }

  async list(
    auth: AuthContext,
    place: PausePlace,
    includeDeleted = false,
    ordering = 'id',
  ): Promise<Pause[]> {
    await this.placeOr404(auth, place);
    const field = ordering.replace(/^-/, '');
    const direction = ordering.startsWith('-') ? 'DESC' : 'ASC';
    return this.pauses.find({
      where: {
        project_id: place.projectId,
        user_id: place.userId,
        ...(includeDeleted ? {} : { deleted_at: IsNull() }),
      },
      relations: { paused_by: true },
      order: field === 'id' ? { id: direction } : { [field]: direction, id: 'ASC' },
    });
  }

  async get(auth: AuthContext, place: PausePlace, id: number): Promise<Pause> {
    await this.placeOr404(auth, place);
    return this.pauseOr404(place, id);
  }

  async create(auth: AuthContext, place: PausePlace, input: PauseInput): Promise<Pause> {
    await this.placeOr404(auth, place);
    const member = await this.memberScope.findOne(auth, {
      user_id: place.userId,
      deleted_at: IsNull(),
    });
    // Project roles exist only for annotators and reviewers and name one of those two roles, so
    // the role in the project is a working one exactly when the organization role is.
    if (!member || !isWorkingRole(member.role)) {
      throw new ValidationFailedException({
        user: ['Only annotators and reviewers can be paused.'],
      });
    }
    const saved = await this.pauses.save(
      this.pauses.create({
        project_id: place.projectId,
        user_id: place.userId,
        paused_by_id: auth.user.id,
        reason: input.reason,
        verbose_reason: input.verbose_reason ?? null,
        deleted_at: null,
        deleted_by_id: null,
      }),
    );
    this.access.forget(place.projectId);
    return this.pauseOr404(place, saved.id);
  }

  async update(
    auth: AuthContext,
    place: PausePlace,
    id: number,
    input: PauseInput | PausePatch,
    replace: boolean,
  ): Promise<Pause> {
    await this.placeOr404(auth, place);
    const pause = await this.pauseOr404(place, id);
    const changes: Partial<Pause> = {};
    if (input.reason !== undefined) changes.reason = input.reason;
    if (input.verbose_reason !== undefined) changes.verbose_reason = input.verbose_reason;
    if (replace && input.verbose_reason === undefined) changes.verbose_reason = null;
    await this.pauses.save({ ...pause, paused_by: undefined, ...changes });
    this.access.forget(place.projectId);
    return this.pauseOr404(place, id);
  }

  /** Unpauses: the row stays, with who lifted the pause and when. */
  async remove(auth: AuthContext, place: PausePlace, id: number): Promise<void> {
    await this.placeOr404(auth, place);
    const pause = await this.pauseOr404(place, id);
    if (pause.deleted_at === null) {
      await this.pauses.update(
        { id: pause.id },
        { deleted_at: new Date(), deleted_by_id: auth.user.id },
      );
    }
    this.access.forget(place.projectId);
  }

  /** The project is one the caller sees, and the user a member of the organization. */
  private async placeOr404(auth: AuthContext, place: PausePlace): Promise<void> {
    await this.projects.getVisible(auth, place.projectId);
    const member = await this.memberScope.exists(auth, { user_id: place.userId });
    if (!member) throw new NotFoundException('Not found.');
  }

  private async pauseOr404(place: PausePlace, id: number): Promise<Pause> {
    const pause = await this.pauses.findOne({
      where: { id, project_id: place.projectId, user_id: place.userId },
      relations: { paused_by: true },
    });
    if (!pause) throw new NotFoundException('Not found.');
    return pause;
  }
}
