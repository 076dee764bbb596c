import { EntityManager } from 'typeorm';
import { chunksOf } from '@ls/core';
import { OrganizationScope } from '../../context/organization-scope';
import { OrganizationMember } from '../../entities/organization-member.entity';
import {
  insertMissingAssignments,
  insertMissingTags,
  TagPair,
  tagIdsByLabel,
} from '../member-tag-rows';
import { MemberTagRow } from './member-tag-csv';

export interface BatchOutcome {
  tagsCreated: number;
  assignmentsCreated: number;
  /** Emails of the batch that name no current member. */
  skipped: string[];
}

/** Current members of the organization among `emails` (lower-cased, as users are stored). */
async function membersByEmail(
  manager: EntityManager,
  organizationId: number,
  emails: string[],
): Promise<Map<string, number>> {
  const members = new Map<string, number>();
  for (const chunk of chunksOf(emails)) {
    const rows = await OrganizationScope.restrict(
      manager
        .getRepository(OrganizationMember)
        .createQueryBuilder('member')
        .innerJoin('member.user', 'user')
        .select('user.id', 'id')
        .addSelect('user.email', 'email')
        .where('member.deleted_at IS NULL')
        .andWhere('user.email IN (:...emails)', { emails: chunk }),
      'member',
      { organizationId },
    ).getRawMany<{ id: number; email: string }>();
    for (const row of rows) members.set(row.email, Number(row.id));
  }
  return members;
}

/**
 * One batch of CSV rows inside the caller's transaction: creates the labels the organization
 * lacks and puts each row's labels (and `bulkTags`) on its member. Every write is an
 * insert-or-ignore on a unique key, so running a batch again creates nothing.
 */
export async function importTagRows(
  manager: EntityManager,
  organizationId: number,
  createdById: number | null,
  rows: MemberTagRow[],
  bulkTags: string[],
): Promise<BatchOutcome> {
  const labels = [...new Set([...rows.flatMap((row) => row.tags), ...bulkTags])];
  const created = await insertMissingTags(manager, organizationId, createdById, labels);
  const tagIds = await tagIdsByLabel(manager, organizationId, labels);
  const emails = [...new Set(rows.map((row) => row.email.toLowerCase()))];
  const members = await membersByEmail(manager, organizationId, emails);
  const pairs = new Map<string, TagPair>();
  const skipped: string[] = [];
  for (const row of rows) {
    const userId = members.get(row.email.toLowerCase());
    if (userId === undefined) {
      skipped.push(row.email);
      continue;
    }
    for (const label of [...row.tags, ...bulkTags]) {
      const tagId = tagIds.get(label);
      if (tagId !== undefined) pairs.set(`${tagId}:${userId}`, { tagId, userId });
    }
  }
  const assignmentsCreated = await insertMissingAssignments(manager, organizationId, [
    ...pairs.values(),
  ]);
  return { tagsCreated: created.length, assignmentsCreated, skipped };
}
