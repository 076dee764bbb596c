import { EntityManager, IsNull } from 'typeorm';
import { OrganizationMember } from '../entities/organization-member.entity';
import { AuthContext } from './auth-context';

/** Roles that may no longer act in the organization. */
const INACTIVE_ROLES = new Set(['DI', 'NO']);

/**
 * The context of work done for a member outside a request (a job they started): who they are
 * and their role as it is now, so a job never acts with rights its author has since lost. Null
 * when they are no longer an active member of the organization or their account is inactive.
 */
export async function memberContext(
  manager: EntityManager,
  userId: number,
  organizationId: number,
): Promise<AuthContext | null> {
  const member = await manager.findOne(OrganizationMember, {
    where: { user_id: userId, organization_id: organizationId, deleted_at: IsNull() },
    relations: { user: true },
  });
  if (!member?.user?.is_active || INACTIVE_ROLES.has(member.role)) return null;
  return { user: member.user, organizationId, role: member.role, method: 'job' };
}
