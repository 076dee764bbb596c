import { MemberRole } from '@ls/auth';
import { assertIdListSize } from '@ls/core';
import { MemberFiltersQuery } from './dto/member-filters.query';
import { ProjectMembersQuery } from './dto/project-members.query';
import { MemberFilters } from './member-query';

/** The ids of a comma list already checked as digits, at most the request's id limit. */
export function idsOfList(field: string, list: string | undefined): number[] | undefined {
  if (list === undefined) return undefined;
  const ids = [...new Set(list.split(',').map(Number))];
  assertIdListSize(field, ids);
  return ids;
}

/** The filters bulk changes take from the query string. */
export function bulkFilters(query: MemberFiltersQuery): MemberFilters {
  return {
    roles: query.role ? ([...new Set(query.role.split(','))] as MemberRole[]) : undefined,
    search: query.search || undefined,
    tags: idsOfList('tags', query.tags),
    lastActivityFrom: query.last_activity__gte ? new Date(query.last_activity__gte) : undefined,
    lastActivityTo: query.last_activity__lte ? new Date(query.last_activity__lte) : undefined,
  };
}

/** The filters of the paginated member list. */
export function listFilters(query: ProjectMembersQuery): MemberFilters {
  return {
    ...bulkFilters(query),
    ids: idsOfList('ids', query.ids),
    implicit: query.implicit,
    noAnnotators: query.no_annotators,
    withDeleted: query.with_deleted,
  };
}
