import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager, idAmong, sqliteTimestamp } from '@ls/core';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMemberTagAssignment } from '../entities/organization-member-tag-assignment.entity';
import { OrganizationMember } from '../entities/organization-member.entity';
import { idsOfList } from './dto/comma-lists';
import { MemberSelectionQuery } from './dto/member-selection.query';
import { ProjectAccessRegistry } from '../permissions/project-access';

/** Who a bulk action is for: every member the filters keep (`all`), or the `included` ones. */
export interface MemberSelection {
  all: boolean;
  included: number[];
  excluded: number[];
  filters: MemberSelectionQuery;
}

/**
 * The members a selection names, as a query on `organization_member` (alias `member`, joined
 * with `user`); parameters are named `selection*` so the query can be a subquery of another.
 * Removed members are in only when `is_deleted=true` asks for them.
 */
export async function selectedMembers(
  manager: EntityManager,
  organizationId: number,
  selection: MemberSelection,
  access: ProjectAccessRegistry,
): Promise<SelectQueryBuilder<OrganizationMember>> {
  const dialect = dialectOfManager(manager);
  const query = OrganizationScope.restrict(
    manager
      .getRepository(OrganizationMember)
      .createQueryBuilder('member')
      .innerJoin('member.user', 'user'),
    'member',
    { organizationId },
  );
  const filters = selection.filters;
  query.andWhere(
    filters.is_deleted && selection.all
      ? 'member.deleted_at IS NOT NULL'
      : 'member.deleted_at IS NULL',
  );
  if (!selection.all) {
    const among = idAmong(dialect, 'member.user_id', selection.included, 'selectionIncluded');
    query.andWhere(among.condition, among.parameters);
  } else {
    if (filters.role) {
      query.andWhere('member.role IN (:...selectionRoles)', {
        selectionRoles: [...new Set(filters.role.split(','))],
      });
    }
    if (filters.tags) {
      const tagged = manager
        .getRepository(OrganizationMemberTagAssignment)
        .createQueryBuilder('selection_tag')
        .select('1')
        .where('selection_tag.organization_id = member.organization_id')
        .andWhere('selection_tag.user_id = member.user_id')
        .andWhere('selection_tag.tag_id IN (:...selectionTags)');
      query.andWhere(`EXISTS (${tagged.getQuery()})`, { selectionTags: idsOfList(filters.tags) });
    }
    const timestamp = (text: string) =>
      dialect === 'sqlite' ? sqliteTimestamp(new Date(text)) : new Date(text).toISOString();
    if (filters.user__last_activity__gte) {
      query.andWhere('user.last_activity >= :selectionActiveFrom', {
        selectionActiveFrom: timestamp(filters.user__last_activity__gte),
      });
    }
    if (filters.user__last_activity__lte) {
      query.andWhere('user.last_activity <= :selectionActiveTo', {
        selectionActiveTo: timestamp(filters.user__last_activity__lte),
      });
    }
    const targets = [
      { kind: 'project' as const, id: filters.exclude_project_id },
      { kind: 'workspace' as const, id: filters.exclude_workspace_id },
    ];
    for (const { kind, id } of targets) {
      if (id === undefined) continue;
      const users = await access.usersWithAccess(manager, organizationId, { kind, id });
      if (users.length === 0) continue;
      const among = idAmong(dialect, 'member.user_id', users, `selectionExclude_${kind}`);
      query.andWhere(`NOT (${among.condition})`, among.parameters);
    }
  }
  if (selection.excluded.length > 0) {
    const among = idAmong(dialect, 'member.user_id', selection.excluded, 'selectionExcluded');
    query.andWhere(`NOT (${among.condition})`, among.parameters);
  }
  return query;
}
