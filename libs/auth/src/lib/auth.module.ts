import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { AUTH_MIGRATIONS } from '../migrations';
import { AccountsService } from './bootstrap/accounts.service';
import { BootstrapUserService } from './bootstrap/bootstrap-user.service';
import { OrganizationResources } from './context/organization-resources';
import { CallerCache } from './credentials/caller-cache';
import { Authenticator } from './credentials/authenticator.service';
import { LegacyTokens } from './credentials/legacy-tokens.service';
import { SecretBox } from './credentials/secret-box';
import { ServerSecrets } from './credentials/server-secrets.service';
import { AUTH_ENTITIES } from './entities';
import { JwtSettingsService } from './jwt/jwt-settings.service';
import { JwtTokensService } from './jwt/jwt-tokens.service';
import { AuthResources } from './organizations/auth-resources';
import { InviteAcceptanceService } from './organizations/invite-acceptance.service';
import { InvitesService } from './organizations/invites.service';
import { MembershipsService } from './organizations/memberships.service';
import { OrganizationsService } from './organizations/organizations.service';
import { SessionPolicyService } from './organizations/session-policy.service';
import { OrganizationSettingsService } from './organizations/organization-settings.service';
import { OrganizationPermissionsService } from './permissions/http/organization-permissions.service';
import { UsersService } from './users/users.service';
import { MemberTagImportJob } from './member-tags/import/member-tag-import.job';
import { MemberTagImportRunner } from './member-tags/import/member-tag-import.runner';
import { MemberTagImportsService } from './member-tags/import/member-tag-imports.service';
import { MemberTagAssignmentsService } from './member-tags/member-tag-assignments.service';
import { MemberTagResources } from './member-tags/member-tag-resources';
import { MemberTagsService } from './member-tags/member-tags.service';
import { SamlSettingsService } from './sso/saml-settings.service';
import { ScimSettingsService } from './sso/scim-settings.service';
import { PermissionOverrides } from './permissions/permission-overrides.service';
import { ProjectAccessRegistry } from './permissions/project-access';
import { SessionAuth } from './sessions/session-auth';
import { SessionsService } from './sessions/sessions.service';

registerMigrations('auth', AUTH_MIGRATIONS);

/** Users, organizations and credentials: entities and services, for every process. */
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [
    OrganizationResources,
    AuthResources,
    ServerSecrets,
    SecretBox,
    LegacyTokens,
    JwtSettingsService,
    JwtTokensService,
    Authenticator,
    CallerCache,
    SessionsService,
    SessionAuth,
    UsersService,
    OrganizationsService,
    MembershipsService,
    InvitesService,
    InviteAcceptanceService,
    SessionPolicyService,
    AccountsService,
    BootstrapUserService,
    MemberTagResources,
    MemberTagsService,
    MemberTagAssignmentsService,
    MemberTagImportsService,
    MemberTagImportRunner,
    MemberTagImportJob,
    SamlSettingsService,
    ScimSettingsService,
    PermissionOverrides,
    ProjectAccessRegistry,
    OrganizationSettingsService,
    OrganizationPermissionsService,
  ],
  exports: [
    TypeOrmModule,
    OrganizationResources,
    SecretBox,
    Authenticator,
    SessionsService,
    SessionAuth,
    JwtTokensService,
    JwtSettingsService,
    UsersService,
    OrganizationsService,
    MembershipsService,
    InvitesService,
    InviteAcceptanceService,
    SessionPolicyService,
    AccountsService,
    MemberTagsService,
    MemberTagAssignmentsService,
    MemberTagImportsService,
    SamlSettingsService,
    ScimSettingsService,
    PermissionOverrides,
    ProjectAccessRegistry,
    OrganizationSettingsService,
    OrganizationPermissionsService,
  ],
})
export class AuthModule {}
