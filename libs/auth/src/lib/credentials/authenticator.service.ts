import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { LegacyToken } from '../entities/legacy-token.entity';
import { JwtSettings } from '../entities/jwt-settings.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { InvalidTokenError } from '../jwt/jwt-claims';
import { JwtTokensService } from '../jwt/jwt-tokens.service';
import { LEGACY_KEY_PATTERN } from './random-tokens';

export const NO_CREDENTIALS = 'Authentication credentials were not provided.';
const INVALID_TOKEN = 'Invalid token.';
const INVALID_JWT = 'Given token not valid for any token type';
const LEGACY_DISABLED =
  'Authentication token no longer valid: legacy token authentication has been disabled for this organization';
const JWT_DISABLED = 'JWT API token authentication has been disabled for this organization';

interface ResolvedCaller {
  context: AuthContext;
  legacyTokensEnabled: boolean;
  apiTokensEnabled: boolean;
}

/** A boolean column read raw: PostgreSQL gives true/false, SQLite 1/0; no settings row means on. */
const enabled = (value: unknown) =>
  value === null || value === undefined || value === true || value === 1;

/** Turns an `Authorization` header into the caller's {@link AuthContext}, or a 401. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly jwtTokens: JwtTokensService,
    @InjectRepository(LegacyToken) private readonly legacyTokens: Repository<LegacyToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

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

  /**
   * The caller, their membership of their active organization and that organization's token
   * settings in one query: this runs on every request. Null when any part is missing; the slower
   * {@link explainRefusal} then says which.
   */
  private async lookup(
    method: AuthContext['method'],
    by: { tokenKey?: string; userId?: number },
  ): Promise<ResolvedCaller | null> {
    const query = this.users
      .createQueryBuilder('user')
      .innerJoin(
        OrganizationMember,
        'member',
        "member.user_id = user.id AND member.organization_id = user.active_organization_id AND member.deleted_at IS NULL AND member.role <> 'DI'",
      )
      .leftJoin(JwtSettings, 'settings', 'settings.organization_id = member.organization_id')
      .addSelect('member.role', 'member_role')
      .addSelect('settings.legacy_api_tokens_enabled', 'legacy_enabled')
      .addSelect('settings.api_tokens_enabled', 'api_enabled')
      .where('user.is_active IS TRUE');
    if (by.tokenKey !== undefined) {
      query
        .innerJoin(LegacyToken, 'token', 'token.user_id = user.id')
        .andWhere('token.key = :key', { key: by.tokenKey });
    } else {
      query.andWhere('user.id = :id', { id: by.userId });
    }
    const { entities, raw } = await query.getRawAndEntities();
    const [user] = entities;
    if (!user?.active_organization_id) return null;
    const row = raw[0] as {
      member_role: MemberRole;
      legacy_enabled: unknown;
      api_enabled: unknown;
    };
    return {
      context: { user, organizationId: user.active_organization_id, role: row.member_role, method },
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
