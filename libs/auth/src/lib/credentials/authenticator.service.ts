import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { PreparedQueries } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { LegacyToken } from '../entities/legacy-token.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { InvalidTokenError } from '../jwt/jwt-claims';
import { JwtTokensService } from '../jwt/jwt-tokens.service';
import { CallerCache, ResolvedCaller } from './caller-cache';
import { LEGACY_KEY_PATTERN } from './random-tokens';

export const NO_CREDENTIALS = 'Authentication credentials were not provided.';
const INVALID_TOKEN = 'Invalid token.';
const INVALID_JWT = 'Given token not valid for any token type';
const LEGACY_DISABLED =
  'Authentication token no longer valid: legacy token authentication has been disabled for this organization';
const JWT_DISABLED = 'JWT API token authentication has been disabled for this organization';

/** A boolean column read raw: PostgreSQL gives true/false, SQLite 1/0; no settings row means on. */
const enabled = (value: unknown) =>
  value === null || value === undefined || value === true || value === 1;

/**
 * The caller, their membership of their active organization and that organization's token
 * settings in one query: this runs on every request, so it is a prepared statement. No row when
 * any part is missing; the slower {@link Authenticator.explainRefusal} then says which.
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

/** Turns an `Authorization` header into the caller's {@link AuthContext}, or a 401. */
@Injectable()
export class Authenticator {
  private readonly callerByToken: string;
  private readonly callerById: string;

  constructor(
    private readonly prepared: PreparedQueries,
    private readonly callers: CallerCache,
    private readonly jwtTokens: JwtTokensService,
    @InjectRepository(LegacyToken) private readonly legacyTokens: Repository<LegacyToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {
    const userColumns = prepared.selectList(User, 'u');
    this.callerByToken = callerSql(
      userColumns,
      'JOIN authtoken_token t ON t.user_id = u.id WHERE u.is_active IS TRUE AND t.key = $1',
    );
    this.callerById = callerSql(userColumns, 'WHERE u.is_active IS TRUE AND u.id = $1');
  }

  async authenticate(header: string | undefined): Promise<AuthContext> {
    const [scheme, credential, ...rest] = (header ?? '').trim().split(/\s+/);
    if (!scheme || !credential || rest.length > 0) throw new UnauthorizedException(NO_CREDENTIALS);
    switch (scheme.toLowerCase()) {
      case 'token':
        return this.withLegacyToken(credential);
      case 'bearer':
        return this.withAccessToken(credential);
      default:
        throw new UnauthorizedException(NO_CREDENTIALS);
    }
  }

  private async withLegacyToken(key: string): Promise<AuthContext> {
    // Malformed keys never reach the database.
    if (!LEGACY_KEY_PATTERN.test(key)) throw new UnauthorizedException(INVALID_TOKEN);
    const found = await this.lookup('token', { tokenKey: key });
    if (!found) {
      const token = await this.legacyTokens.findOneBy({ key });
      if (token) await this.explainRefusal(token.user_id);
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    if (!found.legacyTokensEnabled) throw new UnauthorizedException(LEGACY_DISABLED);
    return found.context;
  }

  private async withAccessToken(token: string): Promise<AuthContext> {
    let userId: number;
    try {
      userId = (await this.jwtTokens.verifyAccessToken(token)).user_id;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(INVALID_JWT);
      throw error;
    }
    const found = await this.lookup('jwt', { userId });
    if (!found) {
      await this.explainRefusal(userId);
      throw new UnauthorizedException(INVALID_JWT);
    }
    if (!found.apiTokensEnabled) throw new UnauthorizedException(JWT_DISABLED);
    return found.context;
  }

  /** The caller by token key or user id (see callerSql), or null; recent answers from memory. */
  private async lookup(
    method: AuthContext['method'],
    by: { tokenKey?: string; userId?: number },
  ): Promise<ResolvedCaller | null> {
    const credential = by.tokenKey !== undefined ? `token:${by.tokenKey}` : `user:${by.userId}`;
    const cached = this.callers.get(credential);
    if (cached) return cached;
    const found = await this.read(method, by);
    if (found) this.callers.set(credential, found);
    return found;
  }

  private async read(
    method: AuthContext['method'],
    by: { tokenKey?: string; userId?: number },
  ): Promise<ResolvedCaller | null> {
    const [row] =
      by.tokenKey !== undefined
        ? await this.prepared.rows('auth.caller-by-token', this.callerByToken, [by.tokenKey])
        : await this.prepared.rows('auth.caller-by-id', this.callerById, [by.userId]);
    if (!row) return null;
    const user = this.prepared.hydrate(User, row);
    if (!user.active_organization_id) return null;
    return {
      context: {
        user,
        organizationId: user.active_organization_id,
        role: row.member_role as MemberRole,
        method,
      },
      legacyTokensEnabled: enabled(row.legacy_enabled),
      apiTokensEnabled: enabled(row.api_enabled),
    };
  }

  /** Says why a known user may not call: inactive, or not an active member of their organization. */
  private async explainRefusal(userId: number): Promise<void> {
    const user = await this.users.findOneBy({ id: userId, is_active: true });
    if (!user?.active_organization_id) throw new UnauthorizedException('User inactive or deleted.');
    const membership = await this.members.findOneBy({
      user_id: user.id,
      organization_id: user.active_organization_id,
      deleted_at: IsNull(),
    });
    if (!membership || membership.role === 'DI') {
      throw new UnauthorizedException('User is not an active member of an organization.');
    }
  }
}
