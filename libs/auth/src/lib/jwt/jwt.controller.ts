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
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PublicRoute } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { AuthenticatedRequest, CurrentAuth } from '../context/current-auth.decorator';
import { JwtSettingsDto } from './dto/jwt-settings.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { InvalidTokenError } from './jwt-claims';
import { serializeJwtSettings } from './jwt-settings.serializer';
import { JwtSettingsService } from './jwt-settings.service';
import { JwtTokensService } from './jwt-tokens.service';
import { ApiTokenResponse } from './responses/api-token.response';
import { CreatedApiTokenResponse } from './responses/created-api-token.response';
import { JwtSettingsResponse } from './responses/jwt-settings.response';
import { TokenRefreshResponse } from './responses/token-refresh.response';
import { TokenRotateResponse } from './responses/token-rotate.response';
import { Requires } from '../permissions/requires.decorator';

const TOKEN_NOT_VALID = 'Token is invalid or expired';

@ApiTags('JWT')
@Controller('api')
export class JwtController {
  constructor(
    private readonly tokens: JwtTokensService,
    private readonly settings: JwtSettingsService,
  ) {}

  @Get('token')
  @Requires('users.tokens')
  @ApiOperation({ operationId: 'api_token_list', summary: 'List API tokens' })
  @ApiOkResponse({ type: [ApiTokenResponse] })
  list(@CurrentAuth() auth: AuthContext): Promise<ApiTokenResponse[]> {
    return this.tokens.list(auth.user.id);
  }

  @Post('token')
  @Requires('users.tokens')
  @ApiOperation({ operationId: 'api_token_create', summary: 'Create API token' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  create(@CurrentAuth() auth: AuthContext): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(auth.user, auth.organizationId);
  }

  @PublicRoute()
  @UseGuards(ThrottlerGuard)
  @Post('token/refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_token_refresh_create', summary: 'Refresh JWT token' })
  @ApiOkResponse({ type: TokenRefreshResponse })
  async refresh(@Body() body: RefreshTokenDto): Promise<TokenRefreshResponse> {
    try {
      return { access: await this.tokens.refresh(body.refresh) };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(TOKEN_NOT_VALID);
      throw error;
    }
  }

  @Post('token/rotate')
  @Requires('users.tokens')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_token_rotate_create', summary: 'Rotate JWT refresh token' })
  @ApiOkResponse({ type: TokenRotateResponse })
  async rotate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RefreshTokenDto,
  ): Promise<TokenRotateResponse> {
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
  @ApiNoContentResponse({ description: 'The token no longer works' })
  async blacklist(
    @Body() body: RefreshTokenDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.tokens.blacklist(body.refresh, request.auth?.user);
  }

  @Get('jwt/settings')
  @Requires('organizations.view')
  @ApiOperation({ operationId: 'api_jwt_settings_retrieve', summary: 'Retrieve JWT Settings' })
  @ApiOkResponse({ type: JwtSettingsResponse })
  async getSettings(@CurrentAuth() auth: AuthContext): Promise<JwtSettingsResponse> {
    return serializeJwtSettings(await this.settings.forOrganization(auth.organizationId));
  }

  @Post('jwt/settings')
  @Requires('organizations.change')
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_jwt_settings_create', summary: 'Update JWT Settings' })
  @ApiCreatedResponse({ type: JwtSettingsResponse })
  async updateSettings(
    @CurrentAuth() auth: AuthContext,
    @Body() body: JwtSettingsDto,
  ): Promise<JwtSettingsResponse> {
    return serializeJwtSettings(await this.settings.update(auth.organizationId, body));
  }
}
