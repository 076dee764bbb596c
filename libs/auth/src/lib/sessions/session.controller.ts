import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@ls/core';
import { SessionsService } from './sessions.service';
import {
  clearedSessionCookie,
  fromAnotherSite,
  sessionCookie,
  sessionTokenOf,
} from './session-cookie';
import { SignInService } from './sign-in.service';

const WRONG_CREDENTIALS = 'The email or password is not right.';
const FORM = 'application/x-www-form-urlencoded';

/** A path of this server to go to after signing in (never `//host` or `/\host`); else `/`. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 2000 ? next : '/';
}

/** A field of a JSON body or of a form (Fastify parses both; a repeated form field is a list). */
function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : '';
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
}

const isForm = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);

const isTls = (request: FastifyRequest) => request.protocol === 'https';

function redirect(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).header('cache-control', 'no-store').send();
}

/**
 * Signing in and out of the browser pages, at Label Studio's own paths (not in the contract).
 * `POST /user/login` takes an HTML form (redirects) or JSON (answers the user).
 */
@ApiExcludeController()
@PublicRoute()
@Controller('user')
export class SessionController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (fromAnotherSite(request)) {
      throw new ForbiddenException('Sign in from the pages of this server.');
    }
    const form = isForm(request);
    const email = field(request.body, 'email').trim().toLowerCase();
    const next = safeNext(field(request.body, 'next'));
    const user = await this.signIn.check(email, field(request.body, 'password'), request.ip);
    if (!user) {
      if (!form) throw new BadRequestException(WRONG_CREDENTIALS);
      return redirect(reply, `/user/login?error=1&next=${encodeURIComponent(next)}`);
    }
    // A browser that was signed in already gets a new session; the one it had ends.
    const previous = sessionTokenOf(request);
    if (previous) await this.sessions.revoke(previous);
    const opened = await this.sessions.open(user, {
      userAgent: request.headers['user-agent'],
      ip: request.ip,
    });
    void reply.header(
      'set-cookie',
      sessionCookie(opened.token, opened.maxAgeSeconds, isTls(request)),
    );
    if (form) return redirect(reply, next);
    void reply
      .status(200)
      .header('cache-control', 'no-store')
      .send({ id: user.id, email: user.email });
  }

  @Post('logout')
  logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.signOut(request, reply);
  }

  /** For a plain link; the cookie is SameSite=Strict, so another site's link ends no session. */
  @Get('logout')
  logoutLink(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.signOut(request, reply);
  }

  private async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = sessionTokenOf(request);
    if (token) await this.sessions.revoke(token);
    void reply.header('set-cookie', clearedSessionCookie(isTls(request)));
    redirect(reply, '/user/login');
  }
}
