import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { AuthContext, OrganizationMember, OrganizationScope } from '@ls/auth';
import {
  dialectOfManager,
  idAmong,
  PageWindow,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { ProjectAccessService } from '../access/project-access.service';
import { WorkspaceLookup } from './workspace-lookup';
import { WorkspaceMember } from './workspace-member.entity';
import { Workspace } from './workspace.entity';

/** Who a bulk change is for: every active member of the organization (`all`) or `included`. */
export interface WorkspaceSelection {
  all: boolean;
  included?: number[];
  excluded?: number[];
}

export interface WorkspaceMemberFilters {
  ids?: number[];
  search?: string;
}

const MEMBER_OF_WORKSPACE = `EXISTS (SELECT 1 FROM workspace_member listed_wm
  WHERE listed_wm.workspace_id = :listedWorkspace AND listed_wm.user_id = member.user_id)`;

/**
 * Members of a workspace, and so implicit members of its projects: every change forgets the
 * project access the auth guard remembers (it reaches all the workspace's projects at once).
 */
@Injectable()
export class WorkspaceMembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly lookup: WorkspaceLookup,
    private readonly access: ProjectAccessService,
  ) {}

  /** Active organization members who belong to the workspace, by user id. */
  async list(
    auth: AuthContext,
    workspaceId: number,
    filters: WorkspaceMemberFilters = {},
    window?: PageWindow,
  ): Promise<{ rows: OrganizationMember[]; count: number }> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    const query = this.members(this.dataSource.manager, auth, workspace.id)
      .innerJoinAndSelect('member.user', 'user')
      .andWhere(MEMBER_OF_WORKSPACE);
    if (filters.ids) {
      const among = idAmong(
        dialectOfManager(this.dataSource.manager),
        'member.user_id',
        filters.ids,
        'listedIds',
      );
      query.andWhere(among.condition, among.parameters);
    }
    if (filters.search) {
      const search = `%${filters.search.toLowerCase()}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where('LOWER(user.email) LIKE :listedSearch', { listedSearch: search })
            .orWhere('LOWER(user.username) LIKE :listedSearch')
            .orWhere('LOWER(user.first_name) LIKE :listedSearch')
            .orWhere('LOWER(user.last_name) LIKE :listedSearch'),
        ),
      );
    }
    query.orderBy('member.user_id', 'ASC');
    if (!window) {
      const rows = await query.getMany();
      return { rows, count: rows.length };
    }
    const [rows, count] = await query.skip(window.offset).take(window.size).getManyAndCount();
    return { rows, count };
  }

  async add(auth: AuthContext, workspaceId: number, userId: number): Promise<Workspace> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    this.assertCanHaveMembers(workspace);
    const member = await new OrganizationScope(
      this.dataSource.getRepository(OrganizationMember),
    ).exists(auth, { user_id: userId, deleted_at: IsNull() });
    if (!member) {
      throw new ValidationFailedException({
        user: [`Invalid pk "${userId}" - object does not exist.`],
      });
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WorkspaceMember)
      .values({ workspace_id: workspace.id, user_id: userId })
      .orIgnore()
      .updateEntity(false)
      .execute();
    this.access.forgetAll();
    return workspace;
  }

  async remove(auth: AuthContext, workspaceId: number, userId: number): Promise<void> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    const result = await this.dataSource
      .getRepository(WorkspaceMember)
      .delete({ workspace_id: workspace.id, user_id: userId });
    if (!result.affected) throw new NotFoundException('Not found.');
    this.access.forgetAll();
  }

  /** Adds the selected active members of the organization; the memberships it created. */
  async assign(
    auth: AuthContext,
    workspaceId: number,
    selection: WorkspaceSelection,
  ): Promise<number> {
    const added = await this.transactions.run(async ({ manager }) => {
      const workspace = await this.lookup.getOr404(auth, workspaceId, manager);
      this.assertCanHaveMembers(workspace);
      const candidates = this.selected(manager, auth, workspace.id, selection)
        .andWhere(`NOT ${MEMBER_OF_WORKSPACE}`)
        .andWhere("member.role NOT IN ('DI', 'NO')")
        .innerJoin(Workspace, 'assigned_ws', 'assigned_ws.id = :listedWorkspace')
        .select('assigned_ws.id', 'workspace_id')
        .addSelect('member.user_id', 'user_id');
      const [select, parameters] = candidates.getQueryAndParameters();
      const runner = manager.queryRunner;
      if (!runner) throw new Error('A transaction has a query runner');
      const result = await runner.query(
        // By name: the query builder orders its selected columns its own way.
        `INSERT INTO workspace_member (workspace_id, user_id)
          SELECT candidate.workspace_id, candidate.user_id FROM (${select}) candidate`,
        parameters,
        true,
      );
      return result.affected ?? 0;
    });
    this.access.forgetAll();
    return added;
  }

  /** Removes the selected users from the workspace; the memberships it deleted. */
  async unassign(
    auth: AuthContext,
    workspaceId: number,
    selection: WorkspaceSelection,
  ): Promise<number> {
    const removed = await this.transactions.run(async ({ manager }) => {
      const workspace = await this.lookup.getOr404(auth, workspaceId, manager);
      const users = this.selected(manager, auth, workspace.id, selection, true).select(
        'member.user_id',
      );
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(WorkspaceMember)
        .where(`workspace_id = :removedFrom AND user_id IN (${users.getQuery()})`)
        .setParameters({ ...users.getParameters(), removedFrom: workspace.id })
        .execute();
      return result.affected ?? 0;
    });
    this.access.forgetAll();
    return removed;
  }

  private assertCanHaveMembers(workspace: Workspace): void {
    if (workspace.is_personal)
      throw new BadRequestException('A personal workspace has no members.');
  }

  /** Organization members (`member`), parameters named `listed*`. */
  private members(
    manager: EntityManager,
    auth: AuthContext,
    workspaceId: number,
    withDeleted = false,
  ): SelectQueryBuilder<OrganizationMember> {
    const query = new OrganizationScope(manager.getRepository(OrganizationMember))
      .query(auth, 'member')
      .setParameter('listedWorkspace', workspaceId);
    return withDeleted ? query : query.andWhere('member.deleted_at IS NULL');
  }

  private selected(
    manager: EntityManager,
    auth: AuthContext,
    workspaceId: number,
    selection: WorkspaceSelection,
    withDeleted = false,
  ): SelectQueryBuilder<OrganizationMember> {
    const dialect = dialectOfManager(manager);
    const query = this.members(manager, auth, workspaceId, withDeleted);
    if (!selection.all) {
      const among = idAmong(dialect, 'member.user_id', selection.included ?? [], 'bulkIncluded');
      query.andWhere(among.condition, among.parameters);
    }
    if (selection.excluded?.length) {
      const among = idAmong(dialect, 'member.user_id', selection.excluded, 'bulkExcluded');
      query.andWhere(`NOT (${among.condition})`, among.parameters);
    }
    return query;
  }
}
