import { EntityManager, In, IsNull } from 'typeorm';
import { OrganizationMember } from '../entities/organization-member.entity';

/** Which of `userIds` are active members of the organization. */
export async function activeMemberIds(
  manager: EntityManager,
  organizationId: number,
  userIds: number[],
): Promise<Set<number>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Set();
  const members = await manager.find(OrganizationMember, {
    select: { user_id: true },
    where: { organization_id: organizationId, user_id: In(unique), deleted_at: IsNull() },
  });
  return new Set(members.map((member) => member.user_id));
}
