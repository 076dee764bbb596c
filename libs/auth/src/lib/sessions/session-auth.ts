import { HttpException, Injectable } from '@nestjs/common';
import { AuthContext } from '../context/auth-context';
import { AuthenticatedRequest } from '../context/current-auth.decorator';
import { Authenticator } from '../credentials/authenticator.service';
import { CookieRequest, cookieMayAuthenticate, sessionTokenOf } from './session-cookie';

/**
 * The signed-in user of a browser page, for pages that send an anonymous visitor to the sign-in
 * page rather than answer 401.
 */
@Injectable()
export class SessionAuth {
  constructor(private readonly authenticator: Authenticator) {}

  /**
   * The caller of `request`: the one the request gate already found (on a public route, from an
   * `Authorization` header or a same-origin session cookie), else the one of its session cookie
   * when it was sent by a page of this server or opened by the user (a GET with
   * `Sec-Fetch-Site: none`). Null when there is none: no cookie, a session that ended, a user
   * inactive or in no organization. Never throws for any of these.
   */
  async callerOf(request: CookieRequest & AuthenticatedRequest): Promise<AuthContext | null> {
    if (request.auth) return request.auth;
    const token = sessionTokenOf(request);
    if (!token || !cookieMayAuthenticate(request, true)) return null;
    try {
      return await this.authenticator.authenticateSession(token);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) return null;
      throw error;
    }
  }
}
