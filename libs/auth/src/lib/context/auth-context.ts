import { MemberRole } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';

/**
 * Who is calling and in which organization. Every service method that reads or writes
 * organization data takes it, and scopes its queries with `organizationId`.
 */
export interface AuthContext {
  user: User;
  organizationId: number;
  role: MemberRole;
  /** How the request proved who it is. */
  method: 'token' | 'jwt';
}

/** Roles allowed to change organization-wide settings. */
export const ADMIN_ROLES: readonly MemberRole[] = ['OW', 'AD'];
