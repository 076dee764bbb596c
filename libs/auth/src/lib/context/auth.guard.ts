import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { routePolicyOf } from '@ls/core';
import { HttpAuthentication } from '../credentials/http-authentication';

/**
 * Global guard: every route needs an active member of an organization unless its policy says
 * otherwise (`@PublicRoute()`, `@AccountRoute()`). Usually the request gate has authenticated the
 * request already, before its body was read; then this only confirms it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly authentication: HttpAuthentication) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routePolicyOf(context.getHandler()).access ?? 'member';
    await this.authentication.authenticate(context.switchToHttp().getRequest(), access);
    return true;
  }
}
