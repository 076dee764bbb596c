import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from './auth.module';
import { AuthGuard } from './context/auth.guard';
import { JwtController } from './jwt/jwt.controller';
import { InvitesController } from './organizations/invites.controller';
import { OrganizationsController } from './organizations/organizations.controller';
import { SessionPolicyController } from './organizations/session-policy.controller';
import { CurrentUserController } from './users/current-user.controller';
import { UsersController } from './users/users.controller';

/** The auth routes, and the guard that makes every other route require credentials. */
@Module({
  imports: [AuthModule],
  controllers: [
    CurrentUserController,
    UsersController,
    JwtController,
    OrganizationsController,
    InvitesController,
    SessionPolicyController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthHttpModule {}
