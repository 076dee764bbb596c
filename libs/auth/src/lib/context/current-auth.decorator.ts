import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { AccountContext, AuthContext } from './auth-context';

/** What authentication leaves on a request. */
export interface AuthenticatedRequest {
  /** On organization routes (the default). */
  auth?: AuthContext;
  /** On every route that needs a signed-in user. */
  account?: AccountContext;
}

const requestOf = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthenticatedRequest>();

/** The caller's {@link AuthContext}; on routes for members of an organization (the default). */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const auth = requestOf(ctx).auth;
  if (!auth) throw new UnauthorizedException('Authentication credentials were not provided.');
  return auth;
});

/** The signed-in caller, member of an organization or not; on `@AccountRoute()` routes too. */
export const CurrentAccount = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const account = requestOf(ctx).account;
  if (!account) throw new UnauthorizedException('Authentication credentials were not provided.');
  return account;
});
