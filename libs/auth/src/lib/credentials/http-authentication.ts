import { Injectable, UnauthorizedException } from '@nestjs/common';
import { RequestAuthenticator, RouteAccess } from '@ls/core';
import { AuthenticatedRequest } from '../context/current-auth.decorator';
import { ActivityTracker } from './activity-tracker';
import { AuthFailures } from './auth-failures';
import { Authenticator } from './authenticator.service';

const CHECKED = Symbol('ls.auth.checked');

interface HttpRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  [CHECKED]?: boolean;
}

/**
 * Authenticates a request for a route's access, once: the request gate calls it before the body
 * is read, and the auth guard calls it again only where no gate ran (a library embedded in
 * another app). On public routes credentials are optional: bad ones make an anonymous caller.
 */
@Injectable()
export class HttpAuthentication extends RequestAuthenticator {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly failures: AuthFailures,
    private readonly activity: ActivityTracker,
  ) {
    super();
  }

  async authenticate(request: HttpRequest, access: RouteAccess): Promise<void> {
    if (request[CHECKED]) return;
    request[CHECKED] = true;
    const given = request.headers.authorization;
    const header = Array.isArray(given) ? given[0] : given;
    if (access === 'public') {
      if (header)
        request.auth = await this.authenticator.authenticate(header).catch(() => undefined);
      return;
    }
    if (header) this.failures.assertNotBlocked(request.ip);
    try {
      if (access === 'account') {
        request.account = await this.authenticator.authenticateAccount(header);
      } else {
        request.auth = await this.authenticator.authenticate(header);
        request.account = request.auth;
      }
    } catch (error) {
      if (header && error instanceof UnauthorizedException) await this.failures.record(request.ip);
      throw error;
    }
    this.activity.touch(request.account.user);
  }
}
