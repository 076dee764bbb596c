import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { routePolicyOf } from '@ls/core';
import { HttpAuthentication } from '../credentials/http-authentication';
import { PermissionGate } from '../permissions/permission-gate';

/**
 * Global guard: every route needs an active member of an organization holding the permission the
 * route declares (`@Requires`), unless its policy says otherwise (`@PublicRoute()`,
 * `@AccountRoute()`). Usually the request gate has authenticated the request already, before its
 * body was read; then this only confirms it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly authentication: HttpAuthentication,
    private readonly gate: PermissionGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = routePolicyOf(context.getHandler());
    const access = policy.access ?? 'member';
    const request = context.switchToHttp().getRequest();
    await this.authentication.authenticate(request, access);
    if (access === 'member') await this.gate.admit(request, policy);
    return true;
  }
}
