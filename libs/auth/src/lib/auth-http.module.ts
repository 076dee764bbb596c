import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { RequestAuthenticator } from '@ls/core';
import { AuthModule } from './auth.module';
import { AuthGuard } from './context/auth.guard';
import { ResourceFirstInterceptor } from './context/resource-first.interceptor';
import { ActivityTracker } from './credentials/activity-tracker';
import { AuthFailures } from './credentials/auth-failures';
import { HttpAuthentication } from './credentials/http-authentication';
import { JwtController } from './jwt/jwt.controller';
import { InvitesController } from './organizations/invites.controller';
import { OrganizationsController } from './organizations/organizations.controller';
import { SessionPolicyController } from './organizations/session-policy.controller';
import { CurrentUserController } from './users/current-user.controller';
import { UsersController } from './users/users.controller';
import { MemberTagBulkController } from './member-tags/member-tag-bulk.controller';
import { MemberTagImportsController } from './member-tags/member-tag-imports.controller';
import { MemberTagsController } from './member-tags/member-tags.controller';
import { SamlSettingsController } from './sso/saml-settings.controller';
import { ScimSettingsController } from './sso/scim-settings.controller';
import { PermissionGate } from './permissions/permission-gate';
import { OrganizationPermissionsController } from './permissions/http/organization-permissions.controller';
import { OrganizationSettingsController } from './organizations/organization-settings.controller';
import { SessionController } from './sessions/session.controller';
import { SignInService } from './sessions/sign-in.service';

/**
 * The auth routes, and what authenticates every request: the request gate's authenticator (run
 * before a body is read) and the global guard (which confirms it, or does it where no gate runs).
 */
@Module({
  imports: [AuthModule],
  controllers: [
    CurrentUserController,
    UsersController,
    JwtController,
    OrganizationsController,
    InvitesController,
    SessionPolicyController,
    MemberTagBulkController,
    MemberTagImportsController,
    MemberTagsController,
    SamlSettingsController,
    ScimSettingsController,
    OrganizationPermissionsController,
    OrganizationSettingsController,
    SessionController,
  ],
  providers: [
    ActivityTracker,
    AuthFailures,
    HttpAuthentication,
    SignInService,
    PermissionGate,
    { provide: RequestAuthenticator, useExisting: HttpAuthentication },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: ResourceFirstInterceptor },
  ],
})
export class AuthHttpModule {}
