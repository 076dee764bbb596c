import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  AuthContext,
  MemberRole,
  OrganizationMember,
  OrganizationRef,
  OrganizationScope,
  User,
} from '@ls/auth';
import {
  dialectOfManager,
  idAmong,
  PageWindow,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { ProjectAccessService } from '../access/project-access.service';
import { isWorkingRole } from '../access/visibility-sql';
import { Project } from '../project.entity';
import { ProjectsService } from '../projects.service';
import {
  assertAssignableRoles,
  RoleAssignment,
  upsertProjectRoles,
} from '../roles/project-role-rules';
import { Workspace } from '../workspaces/workspace.entity';
import { MemberTagRef, memberTagsOf } from './member-tags';
import { ProjectMember } from './project-member.entity';
import {
  ACTIVE_PAUSE_SQL,
  EFFECTIVE_ROLE,
  EXPLICIT_MEMBER_SQL,
  IS_EXPLICIT_SQL,
  MemberFilters,
  MemberProject,
  memberQuery,
  orderMembers,
} from './member-query';

/** A project member as the member routes show it. */
export interface MemberRow {
  user: User;
  membership: OrganizationMember;
  explicit: boolean;
  projectRole: MemberRole | null;
  /** The active pause, for annotators and reviewers. */
  pauseId: number | null;
  tags: MemberTagRef[];
}

/** Who a bulk change is for (`MemberSelectionDto`), with the query filters for `all`. */
export interface BulkSelection {
  all: boolean;
  included?: number[];
  excluded?: number[];
  filters: MemberFilters;
}

interface RawMemberRow {
  user_id: number | string;
  is_explicit: number | string;
  project_role: MemberRole | null;
  effective_role: MemberRole;
  pause_id: number | string | null;
}

const invalidUser = (id: number) => `Invalid pk "${id}" - object does not exist.`;

/** What the member queries need to know of a project. */
export function memberProjectOf(project: Project): MemberProject {
  const personal = project.workspace?.is_personal ?? false;
  return {
    id: project.id,
    workspace_id: project.workspace_id,
    personalOwnerId: personal ? (project.workspace?.created_by_id ?? 0) : null,
  };
}

/**
 * A project's members: explicit ones (`project_member` rows) and implicit ones (members of its
 * workspace, owners and administrators). Lists filter and page in SQL; writes forget the access
 * the auth guard remembers for the project.
 */
@Injectable()
export class ProjectMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly access: ProjectAccessService,
  ) {}

  async page(
    auth: AuthContext,
    projectId: number,
    filters: MemberFilters,
    ordering: string | undefined,
    window: PageWindow,
  ): Promise<{ rows: MemberRow[]; count: number }> {
    const project = memberProjectOf(await this.projects.getVisible(auth, projectId));
    const manager = this.dataSource.manager;
    const query = memberQuery(manager, auth, project, 'members', filters);
    const count = await query.clone().getCount();
    const raw = await this.withMemberColumns(orderMembers(query, ordering))
      .offset(window.offset)
      .limit(window.size)
      .getRawMany<RawMemberRow>();
    return { rows: await this.rowsOf(manager, auth, raw), count };
  }

  /** Every member the filters keep, ordered by user id (the deprecated unpaginated list). */
  async all(auth: AuthContext, projectId: number, filters: MemberFilters): Promise<MemberRow[]> {
    const project = memberProjectOf(await this.projects.getVisible(auth, projectId));
    const manager = this.dataSource.manager;
    const query = memberQuery(manager, auth, project, 'members', filters);
    const raw = await this.withMemberColumns(orderMembers(query, 'id')).getRawMany<RawMemberRow>();
    return this.rowsOf(manager, auth, raw);
  }

  async add(auth: AuthContext, projectId: number, userId: number): Promise<void> {
    const project = await this.projects.getVisible(auth, projectId);
    this.assertCanHaveMembers(project);
    const member = await this.activeMember(this.dataSource.manager, auth, userId);
    if (!member) throw new ValidationFailedException({ user: [invalidUser(userId)] });
    if (member.role === 'OW' || member.role === 'AD') {
      throw new ValidationFailedException({
        user: ['Owners and administrators have access to every project already.'],
      });
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ProjectMember)
      .values({ project_id: project.id, user_id: userId })
      .orIgnore()
      .updateEntity(false)
      .execute();
    this.access.forget(project.id);
  }

  async remove(auth: AuthContext, projectId: number, userId: number): Promise<void> {
    const project = await this.projects.getVisible(auth, projectId);
    const result = await this.dataSource
      .getRepository(ProjectMember)
      .delete({ project_id: project.id, user_id: userId });
    if (!result.affected) throw new NotFoundException('Not found.');
    this.access.forget(project.id);
  }

  /** Makes the selected users explicit members (and gives `roles`); the rows it added. */
  async assign(
    auth: AuthContext,
    projectId: number,
    selection: BulkSelection,
    roles: readonly RoleAssignment[] = [],
  ): Promise<number> {
    const project = await this.projects.getVisible(auth, projectId);
    this.assertCanHaveMembers(project);
    const added = await this.transactions.run(async ({ manager }) => {
      await assertAssignableRoles(manager, auth, roles, { role: 'roles', user: 'roles' });
      const candidates = this.selected(manager, auth, project, 'organization', selection)
        .andWhere("member.role NOT IN ('OW', 'AD', 'DI', 'NO')")
        .andWhere(`NOT ${EXPLICIT_MEMBER_SQL}`)
        .innerJoin(Project, 'assigned_project', 'assigned_project.id = :memberProjectId')
        .select('assigned_project.id', 'project_id')
        .addSelect('member.user_id', 'user_id');
      const [select, parameters] = candidates.getQueryAndParameters();
      const inserted = await runCounted(
        manager,
        // By name: the query builder orders its selected columns its own way.
        `INSERT INTO project_member (project_id, user_id)
          SELECT candidate.project_id, candidate.user_id FROM (${select}) candidate`,
        parameters,
      );
      await upsertProjectRoles(manager, project.id, roles);
      return inserted;
    });
    this.access.forget(project.id);
    return added;
  }

  /** Removes the selected users' explicit memberships; the rows it deleted. */
  async unassign(auth: AuthContext, projectId: number, selection: BulkSelection): Promise<number> {
    const project = await this.projects.getVisible(auth, projectId);
    const removed = await this.transactions.run(async ({ manager }) => {
      const users = this.selected(manager, auth, project, 'explicit', selection).select(
        'member.user_id',
      );
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(ProjectMember)
        .where(`project_id = :removedFrom AND user_id IN (${users.getQuery()})`)
        .setParameters({ ...users.getParameters(), removedFrom: project.id })
        .execute();
      return result.affected ?? 0;
    });
    this.access.forget(project.id);
    return removed;
  }

  /**
   * The users who have access to a project (explicit, workspace, owners and administrators) or a
   * workspace (its members, owners and administrators), for member filters of other routes.
   */
  async usersWithAccess(
    manager: EntityManager,
    organization: OrganizationRef,
    target: { kind: 'project' | 'workspace'; id: number },
  ): Promise<number[]> {
    if (target.kind === 'project') {
      const project = await new OrganizationScope(manager.getRepository(Project)).findOne(
        organization,
        { id: target.id },
        { relations: { workspace: true } },
      );
      if (!project) return [];
      const rows = await memberQuery(manager, organization, memberProjectOf(project), 'members', {})
        .select('member.user_id', 'user_id')
        .getRawMany<{ user_id: number | string }>();
      return rows.map((row) => Number(row.user_id));
    }
    const rows = await new OrganizationScope(manager.getRepository(OrganizationMember))
      .query(organization, 'member')
      .innerJoin(Workspace, 'target', 'target.id = :targetWorkspace', {
        targetWorkspace: target.id,
      })
      .andWhere('target.organization_id = member.organization_id')
      .andWhere('member.deleted_at IS NULL')
      .andWhere(
        `(member.role IN ('OW', 'AD') OR EXISTS (SELECT 1 FROM workspace_member target_wm
          WHERE target_wm.workspace_id = target.id AND target_wm.user_id = member.user_id))`,
      )
      .select('member.user_id', 'user_id')
      .getRawMany<{ user_id: number | string }>();
    return rows.map((row) => Number(row.user_id));
  }

  private assertCanHaveMembers(project: Project): void {
    if (project.workspace?.is_personal) {
      throw new BadRequestException('A project in a personal workspace has no members.');
    }
  }

  private selected(
    manager: EntityManager,
    auth: AuthContext,
    project: Project,
    universe: 'organization' | 'explicit',
    selection: BulkSelection,
  ) {
    const dialect = dialectOfManager(manager);
    const filters = selection.all ? selection.filters : {};
    const query = memberQuery(manager, auth, memberProjectOf(project), universe, filters);
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

  private withMemberColumns(query: ReturnType<typeof memberQuery>) {
    return query
      .select('member.user_id', 'user_id')
      .addSelect(IS_EXPLICIT_SQL, 'is_explicit')
      .addSelect('member_role.role', 'project_role')
      .addSelect(EFFECTIVE_ROLE, 'effective_role')
      .addSelect(ACTIVE_PAUSE_SQL, 'pause_id');
  }

  private activeMember(manager: EntityManager, organization: OrganizationRef, userId: number) {
    return new OrganizationScope(manager.getRepository(OrganizationMember)).findOne(organization, {
      user_id: userId,
      deleted_at: IsNull(),
    });
  }

  /** The page's users and memberships, loaded in one query, in the page's order. */
  private async rowsOf(
    manager: EntityManager,
    organization: OrganizationRef,
    raw: RawMemberRow[],
  ): Promise<MemberRow[]> {
    if (raw.length === 0) return [];
    const ids = raw.map((row) => Number(row.user_id));
    const [memberships, tags] = await Promise.all([
      new OrganizationScope(manager.getRepository(OrganizationMember)).find(
        organization,
        { user_id: In(ids) },
        { relations: { user: true } },
      ),
      memberTagsOf(manager, organization, ids),
    ]);
    const byUser = new Map(memberships.map((membership) => [membership.user_id, membership]));
    return raw.flatMap((row) => {
      const membership = byUser.get(Number(row.user_id));
      if (!membership?.user) return [];
      const paused = row.pause_id !== null && isWorkingRole(row.effective_role);
      return [
        {
          user: membership.user,
          membership,
          explicit: Number(row.is_explicit) === 1,
          projectRole: row.project_role,
          pauseId: paused ? Number(row.pause_id) : null,
          tags: tags.get(membership.user_id) ?? [],
        },
      ];
    });
  }
}

/** Runs a write and returns how many rows it changed, on either database. */
async function runCounted(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('runCounted needs the manager of a transaction');
  const result = await runner.query(sql, parameters, true);
  return result.affected ?? 0;
}
