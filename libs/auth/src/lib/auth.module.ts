import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { AUTH_MIGRATIONS } from '../migrations';
import { AccountsService } from './bootstrap/accounts.service';
import { BootstrapUserService } from './bootstrap/bootstrap-user.service';
import { CallerCache } from './credentials/caller-cache';
import { Authenticator } from './credentials/authenticator.service';
import { ServerSecrets } from './credentials/server-secrets.service';
import { AUTH_ENTITIES } from './entities';
import { JwtSettingsService } from './jwt/jwt-settings.service';
import { JwtTokensService } from './jwt/jwt-tokens.service';
import { InvitesService } from './organizations/invites.service';
import { MembershipsService } from './organizations/memberships.service';
import { OrganizationsService } from './organizations/organizations.service';
import { SessionPolicyService } from './organizations/session-policy.service';
import { UsersService } from './users/users.service';

registerMigrations('auth', AUTH_MIGRATIONS);

/** Users, organizations and credentials: entities and services, for every process. */
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [
    ServerSecrets,
    JwtSettingsService,
    JwtTokensService,
    Authenticator,
    CallerCache,
    UsersService,
    OrganizationsService,
    MembershipsService,
    InvitesService,
    SessionPolicyService,
    AccountsService,
    BootstrapUserService,
  ],
  exports: [
    TypeOrmModule,
    Authenticator,
    JwtTokensService,
    JwtSettingsService,
    UsersService,
    OrganizationsService,
    MembershipsService,
    InvitesService,
    SessionPolicyService,
    AccountsService,
  ],
})
export class AuthModule {}
