import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { ServerSecrets } from '../credentials/server-secrets.service';
import { JwtRefreshToken } from '../entities/jwt-refresh-token.entity';
import { User } from '../entities/user.entity';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  InvalidTokenError,
  JwtClaims,
  readTruncatedToken,
  signToken,
  truncate,
  verifyToken,
} from './jwt-claims';
import { JwtSettingsService } from './jwt-settings.service';

export interface IssuedToken {
  token: string;
  created_at: string;
  expires_at: string;
}

const SECONDS_PER_DAY = 24 * 60 * 60;

/** Personal access tokens (JWT refresh tokens) and the short-lived access tokens they give. */
@Injectable()
export class JwtTokensService {
  constructor(
    private readonly secrets: ServerSecrets,
    private readonly settings: JwtSettingsService,
    @InjectRepository(JwtRefreshToken) private readonly tokens: Repository<JwtRefreshToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** The caller's tokens that still work, signature left out. */
  async list(userId: number): Promise<IssuedToken[]> {
    const rows = await this.tokens.find({
      where: { user_id: userId, blacklisted_at: IsNull(), expires_at: MoreThan(new Date()) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({
      token: row.truncated_token,
      created_at: row.created_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
    }));
  }

  /** A new token, shown in full this once; one working token per user at a time. */
  async create(user: User, organizationId: number): Promise<IssuedToken> {
    if ((await this.list(user.id)).length > 0) {
      throw new ConflictException(
        'You already have a valid token. Please revoke it before creating a new one.',
      );
    }
    return this.issueRefreshToken(user.id, organizationId);
  }

  /** An access token for a valid, not revoked refresh token of an active user. */
  async refresh(refreshToken: string): Promise<string> {
    const claims = await this.checkedRefreshClaims(refreshToken);
    const user = await this.users.findOneBy({ id: claims.user_id, is_active: true });
    if (!user) throw new InvalidTokenError('User not found');
    const settings = await this.settings.forOrganization(user.active_organization_id ?? 0);
    if (!settings.api_tokens_enabled) {
      throw new InvalidTokenError('API tokens are disabled for this organization');
    }
    const key = await this.secrets.serverKey();
    return signToken(key, 'access', user.id, ACCESS_TOKEN_LIFETIME_SECONDS).token;
  }

  /** Revokes `refreshToken` (the caller's) and returns a new one with the organization's lifetime. */
  async rotate(refreshToken: string, user: User, organizationId: number): Promise<string> {
    const claims = await this.checkedRefreshClaims(refreshToken);
    if (claims.user_id !== user.id || !(await this.revoke(claims.jti))) {
      throw new InvalidTokenError('Token is invalid or already blacklisted.');
    }
    return (await this.issueRefreshToken(user.id, organizationId)).token;
  }

  /**
   * Revokes a token. A full token proves itself by its signature; a truncated one (as listed)
   * may only be revoked by its owner.
   */
  async blacklist(token: string, caller?: User): Promise<void> {
    let jti: string;
    try {
      if (token.split('.').length === 3) {
        jti = verifyToken(await this.secrets.serverKey(), token, 'refresh').jti;
      } else {
        const claims = readTruncatedToken(token);
        if (!caller || claims.user_id !== caller.id) throw new InvalidTokenError('Not yours');
        jti = claims.jti;
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new NotFoundException('Token is invalid or already blacklisted.');
      }
      throw error;
    }
    if (!(await this.revoke(jti))) {
      throw new NotFoundException('Token is invalid or already blacklisted.');
    }
  }

  /** Claims of a bearer access token; throws {@link InvalidTokenError}. */
  async verifyAccessToken(token: string): Promise<JwtClaims> {
    return verifyToken(await this.secrets.serverKey(), token, 'access');
  }

  private async issueRefreshToken(userId: number, organizationId: number): Promise<IssuedToken> {
    const { api_token_ttl_days } = await this.settings.forOrganization(organizationId);
    const key = await this.secrets.serverKey();
    const { token, claims } = signToken(
      key,
      'refresh',
      userId,
      api_token_ttl_days * SECONDS_PER_DAY,
    );
    const row = await this.tokens.save(
      this.tokens.create({
        jti: claims.jti,
        user_id: userId,
        truncated_token: truncate(token),
        created_at: new Date(claims.iat * 1000),
        expires_at: new Date(claims.exp * 1000),
        blacklisted_at: null,
      }),
    );
    return {
      token,
      created_at: row.created_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
    };
  }

  private async checkedRefreshClaims(token: string): Promise<JwtClaims> {
    const claims = verifyToken(await this.secrets.serverKey(), token, 'refresh');
    const row = await this.tokens.findOneBy({ jti: claims.jti });
    if (!row || row.blacklisted_at) throw new InvalidTokenError('Token is blacklisted');
    return claims;
  }

  /** True when this call revoked it (false: unknown or revoked before). */
  private async revoke(jti: string): Promise<boolean> {
    const result = await this.tokens.update(
      { jti, blacklisted_at: IsNull() },
      { blacklisted_at: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }
}
