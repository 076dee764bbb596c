import { Injectable, UnauthorizedException } from '@nestjs/common';
import { RequestAuthenticator, RouteAccess } from '@ls/core';
import { AccountContext, AuthContext } from '../context/auth-context';
import { AuthenticatedRequest } from '../context/current-auth.decorator';
import { CookieRequest, cookieMayAuthenticate, sessionTokenOf } from '../sessions/session-cookie';
import { ActivityTracker } from './activity-tracker';
import { AuthFailures } from './auth-failures';
import { Authenticator } from './authenticator.service';

const CHECKED = Symbol('ls.auth.checked');

interface HttpRequest extends AuthenticatedRequest, CookieRequest {
  ip: string;
  [CHECKED]?: boolean;
}

/** What a request authenticates with: its `Authorization` header, else its session cookie. */
type Presented = { header: string } | { session: string } | undefined;

/**
 * Authenticates a request for a route's access, once: the request gate calls it before the body
 * is read, and the auth guard calls it again only where no gate ran (a library embedded in
 * another app). On public routes credentials are optional: bad ones make an anonymous caller.
 * Without an `Authorization` header, the session cookie counts, for same-origin requests only
 * (`cookieMayAuthenticate`); any other request is treated as if it had no cookie.
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
    const presented = presentedBy(request);
    if (access === 'public') {
      if (presented) request.auth = await this.member(presented).catch(() => undefined);
      return;
    }
    const header = presented && 'header' in presented ? presented.header : undefined;
    if (header) this.failures.assertNotBlocked(request.ip);
    try {
      if (access === 'account') {
        request.account = await this.account(presented);
      } else {
        request.auth = await this.member(presented);
        request.account = request.auth;
      }
    } catch (error) {
      // A session that ended is not a guess: only bad headers count towards a block.
      if (header && error instanceof UnauthorizedException) await this.failures.record(request.ip);
      throw error;
    }
    this.activity.touch(request.account.user);
  }

  private member(presented: Presented): Promise<AuthContext> {
    return presented && 'session' in presented
      ? this.authenticator.authenticateSession(presented.session)
      : this.authenticator.authenticate(presented?.header);
  }

  private account(presented: Presented): Promise<AccountContext> {
    return presented && 'session' in presented
      ? this.authenticator.authenticateSessionAccount(presented.session)
      : this.authenticator.authenticateAccount(presented?.header);
  }
}

function presentedBy(request: HttpRequest): Presented {
  const given = request.headers.authorization;
  const header = Array.isArray(given) ? given[0] : given;
  if (header) return { header };
  const session = sessionTokenOf(request);
  return session && cookieMayAuthenticate(request) ? { session } : undefined;
}
