import { JwtRefreshToken } from './jwt-refresh-token.entity';
import { JwtSettings } from './jwt-settings.entity';
import { LegacyToken } from './legacy-token.entity';
import { OrganizationInvite } from './organization-invite.entity';
import { OrganizationMember } from './organization-member.entity';
import { OrganizationMemberTagAssignment } from './organization-member-tag-assignment.entity';
import { OrganizationMemberTagImport } from './organization-member-tag-import.entity';
import { OrganizationMemberTag } from './organization-member-tag.entity';
import { OrganizationPermission } from './organization-permission.entity';
import { OrganizationSettings } from './organization-settings.entity';
import { Organization } from './organization.entity';
import { SamlSettings } from './saml-settings.entity';
import { ScimSettings } from './scim-settings.entity';
import { ServerSecret } from './server-secret.entity';
import { SessionPolicy } from './session-policy.entity';
import { User } from './user.entity';
import { UserSession } from './user-session.entity';

export const AUTH_ENTITIES = [
  Organization,
  User,
  OrganizationMember,
  OrganizationInvite,
  LegacyToken,
  JwtRefreshToken,
  JwtSettings,
  SessionPolicy,
  ServerSecret,
  OrganizationPermission,
  OrganizationSettings,
  OrganizationMemberTag,
  OrganizationMemberTagAssignment,
  OrganizationMemberTagImport,
  SamlSettings,
  ScimSettings,
  UserSession,
];
