import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { PreparedQueries } from '@ls/core';
import { AccountContext, AuthContext } from '../context/auth-context';
import { LegacyToken } from '../entities/legacy-token.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { InvalidTokenError } from '../jwt/jwt-claims';
import { JwtTokensService } from '../jwt/jwt-tokens.service';
import { SessionsService } from '../sessions/sessions.service';
import { CallerCache, ResolvedCaller } from './caller-cache';
import { LEGACY_KEY_PATTERN, tokenHash } from './random-tokens';

export const NO_CREDENTIALS = 'Authentication credentials were not provided.';
export const NO_ORGANIZATION =
  'You are not an active member of any organization: an administrator has to invite you, and you accept the invitation.';
const INVALID_TOKEN = 'Invalid token.';
const INVALID_JWT = 'Given token not valid for any token type';
const SESSION_ENDED = 'Your session has ended; sign in again.';
const INACTIVE_USER = 'User inactive or deleted.';
const LEGACY_DISABLED =
  'Authentication token no longer valid: legacy token authentication has been disabled for this organization';
const JWT_DISABLED = 'JWT API token authentication has been disabled for this organization';

/** A boolean column read raw: PostgreSQL gives true/false, SQLite 1/0; no settings row means on. */
const enabled = (value: unknown) =>
  value === null || value === undefined || value === true || value === 1;

/**
 * The caller, their membership of their active organization and that organization's token
 * settings in one query: this runs on every request, so it is a prepared statement. No row when
 * any part is missing; {@link Authenticator} then finds out why, or moves the user to another
 * organization they belong to.
 */
function callerSql(userColumns: string, where: string): string {
  return `SELECT ${userColumns}, m.role AS member_role,
      s.legacy_api_tokens_enabled AS legacy_enabled, s.api_tokens_enabled AS api_enabled
    FROM htx_user u
    JOIN organization_member m ON m.user_id = u.id AND m.organization_id = u.active_organization_id
      AND m.deleted_at IS NULL AND m.role <> 'DI'
    LEFT JOIN jwt_settings s ON s.organization_id = m.organization_id
    ${where}`;
}

type Credential =
  | { method: 'token'; keyHash: string }
  | { method: 'jwt'; userId: number }
  | { method: 'session'; userId: number; sessionId: number };

/**
 * Turns an `Authorization` header or a browser session into the caller: an {@link AuthContext} for organization routes,
 * an {@link AccountContext} for routes any signed-in user may call. Bad credentials are a 401; a
 * user whose organization dropped them is moved to another organization they belong to, and only
 * with none left gets a 403 that says so.
 */
@Injectable()
export class Authenticator {
  private readonly callerByToken: string;
  private readonly callerById: string;

  constructor(
    private readonly prepared: PreparedQueries,
    private readonly callers: CallerCache,
    private readonly jwtTokens: JwtTokensService,
    private readonly sessions: SessionsService,
    @InjectRepository(LegacyToken) private readonly legacyTokens: Repository<LegacyToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {
    const userColumns = prepared.selectList(User, 'u');
    this.callerByToken = callerSql(
      userColumns,
      'JOIN authtoken_token t ON t.user_id = u.id WHERE u.is_active IS TRUE AND t.key_hash = $1',
    );
    this.callerById = callerSql(userColumns, 'WHERE u.is_active IS TRUE AND u.id = $1');
  }

  /** The caller as an active member of their active organization. */
  async authenticate(header: string | undefined): Promise<AuthContext> {
    return this.member(await this.credentialOf(header));
  }

  /** The caller, member of an organization or not. */
  async authenticateAccount(header: string | undefined): Promise<AccountContext> {
    return this.account(await this.credentialOf(header));
  }

  /**
   * The caller of a browser session (the token of its cookie), as an active member of their
   * active organization. A session that ended is a 401. The session itself is read on every
   * call (never cached): a revocation holds on the next request.
   */
  async authenticateSession(token: string): Promise<AuthContext> {
    return this.member(await this.sessionCredential(token));
  }

  /** {@link authenticateSession} for a caller who may belong to no organization. */
  async authenticateSessionAccount(token: string): Promise<AccountContext> {
    return this.account(await this.sessionCredential(token));
  }

  private async member(credential: Credential): Promise<AuthContext> {
    const found = (await this.lookup(credential)) ?? (await this.recover(credential));
    if (!found) throw new ForbiddenException(NO_ORGANIZATION);
    return this.withSession(this.allowed(found), credential);
  }

  private async account(credential: Credential): Promise<AccountContext> {
    const found = (await this.lookup(credential)) ?? (await this.recover(credential));
    if (found) return this.withSession(this.allowed(found), credential);
    const user = await this.activeUser(await this.userIdOf(credential));
    return this.withSession({ user, method: credential.method }, credential);
  }

  /** The session a context came with; a copy, as the cached context serves every session of the user. */
  private withSession<T extends AccountContext>(context: T, credential: Credential): T {
    return credential.method === 'session'
      ? { ...context, sessionId: credential.sessionId }
      : context;
  }

  private async sessionCredential(token: string): Promise<Credential> {
    const session = await this.sessions.find(token);
    if (!session) throw new UnauthorizedException(SESSION_ENDED);
    return { method: 'session', userId: session.user_id, sessionId: session.id };
  }

  private async credentialOf(header: string | undefined): Promise<Credential> {
    const [scheme, value, ...rest] = (header ?? '').trim().split(/\s+/);
    if (!scheme || !value || rest.length > 0) throw new UnauthorizedException(NO_CREDENTIALS);
    switch (scheme.toLowerCase()) {
      case 'token':
        // Malformed keys never reach the database.
        if (!LEGACY_KEY_PATTERN.test(value)) throw new UnauthorizedException(INVALID_TOKEN);
        return { method: 'token', keyHash: tokenHash(value) };
      case 'bearer':
        try {
          return { method: 'jwt', userId: (await this.jwtTokens.verifyAccessToken(value)).user_id };
        } catch (error) {
          if (error instanceof InvalidTokenError) throw new UnauthorizedException(INVALID_JWT);
          throw error;
        }
      default:
        throw new UnauthorizedException(NO_CREDENTIALS);
    }
  }

  private allowed(found: ResolvedCaller): AuthContext {
    const { context } = found;
    if (context.method === 'token' && !found.legacyTokensEnabled) {
      throw new UnauthorizedException(LEGACY_DISABLED);
    }
    if (context.method === 'jwt' && !found.apiTokensEnabled) {
      throw new UnauthorizedException(JWT_DISABLED);
    }
    return context;
  }

  /** The caller by token hash or user id (see callerSql), or null; recent answers from memory. */
  private async lookup(credential: Credential): Promise<ResolvedCaller | null> {
    // A context is cached with its method: a session's and a JWT's of one user are two entries.
    const key =
      credential.method === 'token'
        ? `token:${credential.keyHash}`
        : `${credential.method}:${credential.userId}`;
    const cached = this.callers.get(key);
    if (cached) return cached;
    const found = await this.read(credential);
    if (found) this.callers.set(key, found);
    return found;
  }

  private async read(credential: Credential): Promise<ResolvedCaller | null> {
    const [row] =
      credential.method === 'token'
        ? await this.prepared.rows('auth.caller-by-token', this.callerByToken, [credential.keyHash])
        : await this.prepared.rows('auth.caller-by-id', this.callerById, [credential.userId]);
    if (!row) return null;
    const user = this.prepared.hydrate(User, row);
    if (!user.active_organization_id) return null;
    return {
      context: {
        user,
        organizationId: user.active_organization_id,
        role: row.member_role as MemberRole,
        method: credential.method,
      },
      legacyTokensEnabled: enabled(row.legacy_enabled),
      apiTokensEnabled: enabled(row.api_enabled),
    };
  }

  /**
   * The caller could not be read as a member of their active organization. A bad key or an
   * inactive user is a 401; a user removed or deactivated there who still belongs to another
   * organization continues in that one; null when they belong to none.
   */
  private async recover(credential: Credential): Promise<ResolvedCaller | null> {
    const user = await this.activeUser(await this.userIdOf(credential));
    const fallback = await this.members.findOne({
      where: { user_id: user.id, deleted_at: IsNull(), role: Not('DI') },
      order: { id: 'ASC' },
    });
    if (!fallback) return null;
    if (fallback.organization_id !== user.active_organization_id) {
      await this.users.update(
        { id: user.id },
        { active_organization_id: fallback.organization_id },
      );
    }
    return this.read(credential);
  }

  private async userIdOf(credential: Credential): Promise<number> {
    if (credential.method !== 'token') return credential.userId;
    const token = await this.legacyTokens.findOneBy({ key_hash: credential.keyHash });
    if (!token) throw new UnauthorizedException(INVALID_TOKEN);
    return token.user_id;
  }

  private async activeUser(userId: number): Promise<User> {
    const user = await this.users.findOneBy({ id: userId, is_active: true });
    if (!user) throw new UnauthorizedException(INACTIVE_USER);
    return user;
  }
}
