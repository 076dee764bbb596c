import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { MemberRole, OrganizationMember, OrganizationRef, OrganizationScope } from '@ls/auth';
import { dialectOfManager, idAmong, sqliteTimestamp } from '@ls/core';
import { ProjectRole } from '../roles/project-role.entity';

/** What a member list or a bulk selection is about: one project, and where it lives. */
export interface MemberProject {
  id: number;
  workspace_id: number | null;
  /** The workspace is someone's personal one: only its creator is a member. */
  personalOwnerId: number | null;
}

/** The filters of the member routes (Label Studio's names in the route DTOs). */
export interface MemberFilters {
  ids?: number[];
  /** true: only implicit members; false: only explicit ones. */
  implicit?: boolean;
  noAnnotators?: boolean;
  /** Effective roles, any of. */
  roles?: MemberRole[];
  search?: string;
  /** Member tag ids, any of. */
  tags?: number[];
  lastActivityFrom?: Date;
  lastActivityTo?: Date;
  withDeleted?: boolean;
}

/**
 * Which organization members a query covers: the project's members (explicit, through the
 * workspace, or owners and administrators), every member of the organization (bulk assignment
 * with `all`), or the explicit members only (bulk removal).
 */
export type MemberUniverse = 'members' | 'organization' | 'explicit';

/** The caller's role in the project as SQL: the project role replaces annotator and reviewer roles. */
export const EFFECTIVE_ROLE = `(CASE WHEN member.role IN ('AN', 'RE') AND member_role.role IS NOT NULL
  THEN member_role.role ELSE member.role END)`;

const EXPLICIT = `EXISTS (SELECT 1 FROM project_member explicit_pm
  WHERE explicit_pm.project_id = :memberProjectId AND explicit_pm.user_id = member.user_id)`;

const ORDERINGS: Record<string, string> = {
  id: 'member.user_id',
  email: 'member_user.email',
  first_name: 'member_user.first_name',
  last_name: 'member_user.last_name',
  username: 'member_user.username',
  last_activity: 'member_user.last_activity',
  date_joined: 'member_user.date_joined',
  role: EFFECTIVE_ROLE,
};
export const MEMBER_ORDERINGS = Object.keys(ORDERINGS);

function membershipCondition(project: MemberProject): string {
  if (project.personalOwnerId !== null) return 'member.user_id = :memberPersonalOwner';
  const viaWorkspace =
    project.workspace_id === null
      ? ''
      : ` OR EXISTS (SELECT 1 FROM workspace_member implicit_wm
          WHERE implicit_wm.workspace_id = :memberWorkspaceId AND implicit_wm.user_id = member.user_id)`;
  return `(${EXPLICIT} OR member.role IN ('OW', 'AD')${viaWorkspace})`;
}

/** A timestamp as the dialect stores it, for comparisons in SQL. */
function storedTimestamp(manager: EntityManager, date: Date): string {
  return dialectOfManager(manager) === 'postgres' ? date.toISOString() : sqliteTimestamp(date);
}

/**
 * Organization members (`member`, with their user `member_user` and project role
 * `member_role`) of `universe`, narrowed by `filters`, for one project. Selects nothing yet.
 */
export function memberQuery(
  manager: EntityManager,
  organization: OrganizationRef,
  project: MemberProject,
  universe: MemberUniverse,
  filters: MemberFilters,
): SelectQueryBuilder<OrganizationMember> {
  const query = new OrganizationScope(manager.getRepository(OrganizationMember))
    .query(organization, 'member')
    .innerJoin('member.user', 'member_user')
    .leftJoin(
      ProjectRole,
      'member_role',
      'member_role.project_id = :memberProjectId AND member_role.user_id = member.user_id',
    )
    .setParameters({
      memberProjectId: project.id,
      memberWorkspaceId: project.workspace_id,
      memberPersonalOwner: project.personalOwnerId,
    });
  if (!filters.withDeleted) query.andWhere('member.deleted_at IS NULL');
  if (universe === 'members') query.andWhere(membershipCondition(project));
  if (universe === 'explicit') query.andWhere(EXPLICIT);
  if (filters.ids) {
    const among = idAmong(dialectOfManager(manager), 'member.user_id', filters.ids, 'memberIds');
    query.andWhere(among.condition, among.parameters);
  }
  if (filters.implicit === true) query.andWhere(`NOT ${EXPLICIT}`);
  if (filters.implicit === false) query.andWhere(EXPLICIT);
  if (filters.noAnnotators) query.andWhere(`${EFFECTIVE_ROLE} <> 'AN'`);
  if (filters.roles?.length) {
    query.andWhere(`${EFFECTIVE_ROLE} IN (:...memberRoles)`, { memberRoles: filters.roles });
  }
  if (filters.search) {
    const search = `%${filters.search.toLowerCase()}%`;
    query.andWhere(
      new Brackets((where) =>
        where
          .where('LOWER(member_user.email) LIKE :memberSearch', { memberSearch: search })
          .orWhere('LOWER(member_user.username) LIKE :memberSearch')
          .orWhere('LOWER(member_user.first_name) LIKE :memberSearch')
          .orWhere('LOWER(member_user.last_name) LIKE :memberSearch'),
      ),
    );
  }
  if (filters.tags) {
    const among = idAmong(dialectOfManager(manager), 'tagged.tag_id', filters.tags, 'memberTags');
    query.andWhere(
      `EXISTS (SELECT 1 FROM organization_member_tag_assignment tagged
        WHERE tagged.organization_id = member.organization_id
          AND tagged.user_id = member.user_id AND ${among.condition})`,
      among.parameters,
    );
  }
  if (filters.lastActivityFrom) {
    query.andWhere('member_user.last_activity >= :memberActiveFrom', {
      memberActiveFrom: storedTimestamp(manager, filters.lastActivityFrom),
    });
  }
  if (filters.lastActivityTo) {
    query.andWhere('member_user.last_activity <= :memberActiveTo', {
      memberActiveTo: storedTimestamp(manager, filters.lastActivityTo),
    });
  }
  return query;
}

/** Orders `query` by Label Studio's member ordering (`-` for descending), ties by user id. */
export function orderMembers(
  query: SelectQueryBuilder<OrganizationMember>,
  ordering: string | undefined,
): SelectQueryBuilder<OrganizationMember> {
  const descending = ordering?.startsWith('-') ?? false;
  const field = ordering?.replace(/^-/, '') ?? 'id';
  const direction = descending ? 'DESC' : 'ASC';
  query.orderBy(
    ORDERINGS[field] ?? ORDERINGS.id,
    direction,
    descending ? 'NULLS LAST' : 'NULLS FIRST',
  );
  if (field !== 'id') query.addOrderBy('member.user_id', 'ASC');
  return query;
}

/** Whether the row's user is an explicit member, as a selectable 1/0. */
export const IS_EXPLICIT_SQL = `CASE WHEN ${EXPLICIT} THEN 1 ELSE 0 END`;
export const EXPLICIT_MEMBER_SQL = EXPLICIT;

/** The id of the row's user's active pause in the project, if any. */
export const ACTIVE_PAUSE_SQL = `(SELECT MAX(member_pause.id) FROM pause member_pause
  WHERE member_pause.project_id = :memberProjectId AND member_pause.user_id = member.user_id
    AND member_pause.deleted_at IS NULL)`;
