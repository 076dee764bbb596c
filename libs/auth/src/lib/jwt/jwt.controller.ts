import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { AuthenticatedRequest, CurrentAuth } from '../context/current-auth.decorator';
import { JwtSettings } from '../entities/jwt-settings.entity';
import { assertAdmin } from '../organizations/organizations.service';
import { JwtSettingsDto, RefreshTokenDto } from './dto/token-input.dto';
import { InvalidTokenError } from './jwt-claims';
import { JwtSettingsService } from './jwt-settings.service';
import { JwtTokensService } from './jwt-tokens.service';

const TOKEN_NOT_VALID = 'Token is invalid or expired';

function serializeSettings(settings: JwtSettings) {
  return {
    api_tokens_enabled: settings.api_tokens_enabled,
    legacy_api_tokens_enabled: settings.legacy_api_tokens_enabled,
    api_token_ttl_days: settings.api_token_ttl_days,
  };
}

@ApiTags('JWT')
@Controller('api')
export class JwtController {
  constructor(
    private readonly tokens: JwtTokensService,
    private readonly settings: JwtSettingsService,
  ) {}

  @Get('token')
  @ApiOperation({ operationId: 'api_token_list', summary: 'List API tokens' })
  list(@CurrentAuth() auth: AuthContext) {
    return this.tokens.list(auth.user.id);
  }

  @Post('token')
  @ApiOperation({ operationId: 'api_token_create', summary: 'Create API token' })
  create(@CurrentAuth() auth: AuthContext) {
    return this.tokens.create(auth.user, auth.organizationId);
  }

  @PublicRoute()
  @UseGuards(ThrottlerGuard)
  @Post('token/refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_token_refresh_create', summary: 'Refresh JWT token' })
  async refresh(@Body() body: RefreshTokenDto) {
    try {
      return { access: await this.tokens.refresh(body.refresh) };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(TOKEN_NOT_VALID);
      throw error;
    }
  }

  @Post('token/rotate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_token_rotate_create', summary: 'Rotate JWT refresh token' })
  async rotate(@CurrentAuth() auth: AuthContext, @Body() body: RefreshTokenDto) {
    try {
      return { refresh: await this.tokens.rotate(body.refresh, auth.user, auth.organizationId) };
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new BadRequestException('Token is invalid or already blacklisted.');
      }
      throw error;
    }
  }

  @PublicRoute()
  @UseGuards(ThrottlerGuard)
  @Post('token/blacklist')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_token_blacklist_create',
    summary: 'Blacklist a JWT refresh token',
  })
  async blacklist(@Body() body: RefreshTokenDto, @Req() request: AuthenticatedRequest) {
    await this.tokens.blacklist(body.refresh, request.auth?.user);
  }

  @Get('jwt/settings')
  @ApiOperation({ operationId: 'api_jwt_settings_retrieve', summary: 'Retrieve JWT Settings' })
  async getSettings(@CurrentAuth() auth: AuthContext) {
    return serializeSettings(await this.settings.forOrganization(auth.organizationId));
  }

  @Post('jwt/settings')
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_jwt_settings_create', summary: 'Update JWT Settings' })
  async updateSettings(@CurrentAuth() auth: AuthContext, @Body() body: JwtSettingsDto) {
    assertAdmin(auth, auth.organizationId);
    return serializeSettings(await this.settings.update(auth.organizationId, body));
  }
}
