import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE_METADATA } from '@ls/core';
import { Authenticator } from '../credentials/authenticator.service';
import { AuthenticatedRequest } from './current-auth.decorator';

interface RequestWithHeaders extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** Global guard: every route needs credentials unless marked `@PublicRoute()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithHeaders>();
    const header = request.headers.authorization;
    const authorization = Array.isArray(header) ? header[0] : header;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isPublic) {
      request.auth = await this.authenticator.authenticate(authorization);
      return true;
    }
    if (authorization) {
      request.auth = await this.authenticator.authenticate(authorization).catch(() => undefined);
    }
    return true;
  }
}
