import { EntityManager, In } from 'typeorm';
import { queryInChunks } from '@ls/core';
import { OrganizationMemberTagAssignment } from '../entities/organization-member-tag-assignment.entity';

export interface SimpleMemberTag {
  id: number;
  label: string;
}

/** The organization's tags on each of `userIds` (by label), as member lists show them. */
export async function memberTagsOfUsers(
  manager: EntityManager,
  organizationId: number,
  userIds: readonly number[],
): Promise<Map<number, SimpleMemberTag[]>> {
  const rows = await queryInChunks([...new Set(userIds)], (chunk) =>
    manager
      .getRepository(OrganizationMemberTagAssignment)
      .createQueryBuilder('assignment')
      .innerJoin('assignment.tag', 'tag')
      .select('assignment.user_id', 'user_id')
      .addSelect('tag.id', 'id')
      .addSelect('tag.label', 'label')
      .where('assignment.organization_id = :organizationId', { organizationId })
      .andWhere({ user_id: In(chunk) })
      .orderBy('tag.label', 'ASC')
      .addOrderBy('tag.id', 'ASC')
      .getRawMany<{ user_id: number; id: number; label: string }>(),
  );
  const tags = new Map<number, SimpleMemberTag[]>();
  for (const row of rows) {
    const userId = Number(row.user_id);
    const list = tags.get(userId) ?? [];
    list.push({ id: Number(row.id), label: row.label });
    tags.set(userId, list);
  }
  return tags;
}
