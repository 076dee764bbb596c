import { EntityManager, In, IsNull } from 'typeorm';
import { OrganizationRef, OrganizationScope } from '../context/organization-scope';
import { OrganizationMember } from '../entities/organization-member.entity';

/** Which of `userIds` are active members of the organization. */
export async function activeMemberIds(
  manager: EntityManager,
  organization: OrganizationRef,
  userIds: number[],
): Promise<Set<number>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Set();
  const members = await new OrganizationScope(manager.getRepository(OrganizationMember)).find(
    organization,
    { user_id: In(unique), deleted_at: IsNull() },
    { select: { user_id: true } },
  );
  return new Set(members.map((member) => member.user_id));
}
