// Public API of @ls/auth: users, organizations, credentials and the caller's auth context.
export { AuthModule } from './lib/auth.module';
export { AuthHttpModule } from './lib/auth-http.module';

export type { AccountContext, AuthContext } from './lib/context/auth-context';
export { CurrentAccount, CurrentAuth } from './lib/context/current-auth.decorator';
export { memberContext } from './lib/context/member-context';
export { idParam, OrganizationResources } from './lib/context/organization-resources';
export type { ResourceLocator } from './lib/context/organization-resources';
export { OrganizationScope } from './lib/context/organization-scope';
export {
  ACTIVE_ROLES,
  PERMISSIONS,
  isPermission,
  roleHolds,
} from './lib/permissions/permission-catalogue';
export type {
  GrantableRole,
  Permission,
  PermissionDefinition,
} from './lib/permissions/permission-catalogue';
export { Requires } from './lib/permissions/requires.decorator';
export {
  MemberAccessLookup,
  ProjectAccessRegistry,
  ProjectAccessResolver,
} from './lib/permissions/project-access';
export { PermissionOverrides } from './lib/permissions/permission-overrides.service';
export type { ProjectPlace } from './lib/context/organization-resources';
export type { AccessTarget, ProjectAccess } from './lib/permissions/project-access';
export type { OrganizationOwned, OrganizationRef } from './lib/context/organization-scope';

export { Organization } from './lib/entities/organization.entity';
export { User } from './lib/entities/user.entity';
export { OrganizationMember, MEMBER_ROLES } from './lib/entities/organization-member.entity';
export type { MemberRole } from './lib/entities/organization-member.entity';

export { AccountsService } from './lib/bootstrap/accounts.service';
export type { Account, AccountRequest } from './lib/bootstrap/accounts.service';
export { UsersService } from './lib/users/users.service';
export { SecretBox } from './lib/credentials/secret-box';
export { SessionAuth } from './lib/sessions/session-auth';
export { SessionsService } from './lib/sessions/sessions.service';
export type { OpenedSession, SessionOrigin } from './lib/sessions/sessions.service';
export { SESSION_COOKIE } from './lib/sessions/session-cookie';
export { safeNext } from './lib/sessions/session.controller';
export { UserSession } from './lib/entities/user-session.entity';
export { OrganizationsService } from './lib/organizations/organizations.service';
export { activeMemberIds } from './lib/organizations/active-members';
export {
  serializeUser,
  serializeUserDetail,
  serializeUserSimple,
} from './lib/users/user.serializer';
export { LseUserApiResponse } from './lib/users/responses/lse-user-api.response';
export { LseUserResponse } from './lib/users/responses/lse-user.response';
export { UserSimpleResponse } from './lib/users/responses/user-simple.response';

export { OrganizationMemberTag } from './lib/entities/organization-member-tag.entity';
export { OrganizationMemberTagAssignment } from './lib/entities/organization-member-tag-assignment.entity';
export { OrganizationMemberTagImport } from './lib/entities/organization-member-tag-import.entity';
export { MemberTagsService } from './lib/member-tags/member-tags.service';
export {
  MEMBER_TAG_IMPORT_JOB,
  MEMBER_TAG_IMPORT_QUEUE,
} from './lib/member-tags/import/member-tag-import.job-names';
export { SamlSettings } from './lib/entities/saml-settings.entity';
export { ScimSettings } from './lib/entities/scim-settings.entity';
export { SamlSettingsService } from './lib/sso/saml-settings.service';
export { ScimSettingsService } from './lib/sso/scim-settings.service';
