import type { ProjectAccess } from '../permissions/project-access';
import { MemberRole } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';

/** A signed-in user, whether or not they belong to an organization now. */
export interface AccountContext {
  user: User;
  /**
   * How the request proved who it is: an `Authorization` header (`token`, `jwt`), the browser
   * session cookie (`session`), or `job` for work a member started (see memberContext).
   */
  method: 'token' | 'jwt' | 'session' | 'job';
  /** With `session`: the id of that session (its `user_session` row). */
  sessionId?: number;
}

/**
 * Who is calling and in which organization. Every service method that reads or writes
 * organization data takes it, and scopes its queries with `organizationId`.
 */
export interface AuthContext extends AccountContext {
  organizationId: number;
  role: MemberRole;
  /** Set on routes that name a project: the caller's access there (see `PermissionGate`). */
  project?: { id: number } & ProjectAccess;
}
