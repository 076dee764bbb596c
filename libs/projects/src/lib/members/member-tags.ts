import { EntityManager } from 'typeorm';
import { OrganizationMemberTagAssignment, OrganizationRef } from '@ls/auth';
import { dialectOfManager, idAmong } from '@ls/core';

export interface MemberTagRef {
  id: number;
  label: string;
}

/** The organization's tags on each of `userIds` (a page of members), in one query. */
export async function memberTagsOf(
  manager: EntityManager,
  organization: OrganizationRef,
  userIds: readonly number[],
): Promise<Map<number, MemberTagRef[]>> {
  const tags = new Map<number, MemberTagRef[]>();
  if (userIds.length === 0) return tags;
  const among = idAmong(dialectOfManager(manager), 'assignment.user_id', userIds, 'taggedUsers');
  const rows = await manager
    .getRepository(OrganizationMemberTagAssignment)
    .createQueryBuilder('assignment')
    .innerJoin('assignment.tag', 'tag')
    .select('assignment.user_id', 'user_id')
    .addSelect('tag.id', 'id')
    .addSelect('tag.label', 'label')
    .where('assignment.organization_id = :taggedOrganization', {
      taggedOrganization: organization.organizationId,
    })
    .andWhere(among.condition, among.parameters)
    .orderBy('tag.label', 'ASC')
    .addOrderBy('tag.id', 'ASC')
    .getRawMany<{ user_id: number | string; id: number | string; label: string }>();
  for (const row of rows) {
    const userId = Number(row.user_id);
    tags.set(userId, [...(tags.get(userId) ?? []), { id: Number(row.id), label: row.label }]);
  }
  return tags;
}
