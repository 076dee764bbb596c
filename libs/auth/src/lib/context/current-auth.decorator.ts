import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { AuthContext } from './auth-context';

export interface AuthenticatedRequest {
  auth?: AuthContext;
}

/** The caller's {@link AuthContext}; only on routes the auth guard protects. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new UnauthorizedException('Authentication credentials were not provided.');
  return auth;
});
