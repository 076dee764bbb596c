import { AuthContext, MemberRole } from '@ls/auth';

/** The caller's role in one project, and whether it is one of the limited working roles. */
export interface EffectiveRole {
  role: MemberRole;
  /** Annotator or reviewer: sees only some tasks and annotations, changes only their own. */
  limited: boolean;
}

const LIMITED_ROLES: readonly MemberRole[] = ['AN', 'RE'];

export function roleInProject(role: MemberRole): EffectiveRole {
  return { role, limited: LIMITED_ROLES.includes(role) };
}

/**
 * The caller's role in `projectId`: the one the auth guard resolved for the project the route
 * names (`auth.project`), else their organization role. Without `projectId`, the named project's.
 */
export function effectiveRole(auth: AuthContext, projectId?: number): EffectiveRole {
  const named = auth.project;
  const applies = named !== undefined && (projectId === undefined || named.id === projectId);
  return roleInProject(applies ? named.role : auth.role);
}
