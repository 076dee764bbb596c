import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { LegacyToken } from '../entities/legacy-token.entity';
import { OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { InvalidTokenError } from '../jwt/jwt-claims';
import { JwtSettingsService } from '../jwt/jwt-settings.service';
import { JwtTokensService } from '../jwt/jwt-tokens.service';
import { LEGACY_KEY_PATTERN } from './random-tokens';

export const NO_CREDENTIALS = 'Authentication credentials were not provided.';
const INVALID_TOKEN = 'Invalid token.';
const INVALID_JWT = 'Given token not valid for any token type';
const LEGACY_DISABLED =
  'Authentication token no longer valid: legacy token authentication has been disabled for this organization';
const JWT_DISABLED = 'JWT API token authentication has been disabled for this organization';

/** Turns an `Authorization` header into the caller's {@link AuthContext}, or a 401. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly jwtTokens: JwtTokensService,
    private readonly jwtSettings: JwtSettingsService,
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
    const token = LEGACY_KEY_PATTERN.test(key) ? await this.legacyTokens.findOneBy({ key }) : null;
    if (!token) throw new UnauthorizedException(INVALID_TOKEN);
    const context = await this.contextFor(token.user_id, 'token');
    const settings = await this.jwtSettings.forOrganization(context.organizationId);
    if (!settings.legacy_api_tokens_enabled) throw new UnauthorizedException(LEGACY_DISABLED);
    return context;
  }

  private async withAccessToken(token: string): Promise<AuthContext> {
    let userId: number;
    try {
      userId = (await this.jwtTokens.verifyAccessToken(token)).user_id;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(INVALID_JWT);
      throw error;
    }
    const context = await this.contextFor(userId, 'jwt');
    const settings = await this.jwtSettings.forOrganization(context.organizationId);
    if (!settings.api_tokens_enabled) throw new UnauthorizedException(JWT_DISABLED);
    return context;
  }

  private async contextFor(userId: number, method: AuthContext['method']): Promise<AuthContext> {
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
    return { user, organizationId: membership.organization_id, role: membership.role, method };
  }
}
