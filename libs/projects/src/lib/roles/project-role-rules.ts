import { EntityManager, In, IsNull } from 'typeorm';
import { MemberRole, OrganizationMember, OrganizationRef, OrganizationScope } from '@ls/auth';
import { chunksOf, ValidationFailedException } from '@ls/core';
import { isWorkingRole } from '../access/visibility-sql';
import { ProjectRole } from './project-role.entity';

export interface RoleAssignment {
  user_id: number;
  role: MemberRole;
}

const invalidUser = (id: number) => `Invalid pk "${id}" - object does not exist.`;

/**
 * Checks project roles before they are written: only annotator or reviewer, and only for active
 * members of the organization whose own role is annotator or reviewer (a manager or above is never
 * downgraded in a project). Problems are 400s on `roleField` / `userField`.
 */
export async function assertAssignableRoles(
  manager: EntityManager,
  organization: OrganizationRef,
  assignments: readonly RoleAssignment[],
  fields: { role: string; user: string } = { role: 'role', user: 'user' },
): Promise<void> {
  const badRole = assignments.find(({ role }) => !isWorkingRole(role));
  if (badRole) {
    throw new ValidationFailedException({
      [fields.role]: [`A project role is AN or RE, not "${badRole.role}".`],
    });
  }
  const userIds = [...new Set(assignments.map(({ user_id }) => user_id))];
  if (userIds.length === 0) return;
  const members = await new OrganizationScope(manager.getRepository(OrganizationMember)).find(
    organization,
    { user_id: In(userIds), deleted_at: IsNull() },
    { select: { user_id: true, role: true } },
  );
  const roleOf = new Map(members.map((member) => [member.user_id, member.role]));
  for (const id of userIds) {
    const role = roleOf.get(id);
    if (role === undefined)
      throw new ValidationFailedException({ [fields.user]: [invalidUser(id)] });
    if (!isWorkingRole(role)) {
      throw new ValidationFailedException({
        [fields.user]: [
          `User ${id} is ${role} in the organization: only annotators and reviewers get project roles.`,
        ],
      });
    }
  }
}

/** Writes the project roles (one row per project and user: a second one replaces the first). */
export async function upsertProjectRoles(
  manager: EntityManager,
  projectId: number,
  assignments: readonly RoleAssignment[],
): Promise<void> {
  const latest = new Map(assignments.map(({ user_id, role }) => [user_id, role]));
  const rows = [...latest].map(([user_id, role]) => ({ project_id: projectId, user_id, role }));
  for (const chunk of chunksOf(rows)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectRole)
      .values(chunk)
      .orUpdate(['role'], ['project_id', 'user_id'])
      .updateEntity(false)
      .execute();
  }
}
