import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { OrganizationsService } from '../organizations/organizations.service';
import { CurrentUserUpdateDto } from './dto/current-user-update.dto';
import { HotkeysDto } from './dto/hotkeys.dto';
import { validateHotkeys } from './hotkeys';
import { HotkeysResponse } from './responses/hotkeys.response';
import { LegacyTokenResponse } from './responses/legacy-token.response';
import { LseUserApiResponse } from './responses/lse-user-api.response';
import { WhoAmIUserResponse } from './responses/who-am-i-user.response';
import { toUserChanges } from './user-changes';
import { serializeUser, serializeWhoAmI } from './user.serializer';
import { UsersService } from './users.service';
import { PermissionOverrides } from '../permissions/permission-overrides.service';
import { Requires } from '../permissions/requires.decorator';

@ApiTags('Users')
@Requires('users.self')
@Controller('api/current-user')
export class CurrentUserController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly permissions: PermissionOverrides,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_current_user_retrieve', summary: 'Get current user info' })
  @ApiOkResponse({ type: LseUserApiResponse })
  async get(@CurrentAuth() auth: AuthContext): Promise<LseUserApiResponse> {
    const { user, membership } = await this.users.getMember(auth, auth.user.id);
    return serializeUser(user, membership);
  }

  @Patch()
  @ApiOperation({ operationId: 'api_current_user_partial_update', summary: 'Update current user' })
  @ApiOkResponse({ type: LseUserApiResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CurrentUserUpdateDto,
  ): Promise<LseUserApiResponse> {
    const { active_organization, custom_hotkeys, password, ...profile } = body;
    const changes = toUserChanges(profile);
    if (custom_hotkeys !== undefined) {
      changes.custom_hotkeys = custom_hotkeys === null ? null : validateHotkeys(custom_hotkeys);
    }
    if (password !== undefined) {
      await this.users.changePassword(auth.user.id, password, auth.sessionId);
    }
    const { user, membership } = await this.users.update(auth, auth.user.id, changes);
    if (active_organization !== undefined && active_organization !== auth.organizationId) {
      await this.users.switchActiveOrganization(auth, active_organization);
      return { ...serializeUser(user, membership), active_organization };
    }
    return serializeUser(user, membership);
  }

  @Get('whoami')
  @ApiOperation({ operationId: 'api_current_user_whoami_retrieve', summary: 'Retrieve my user' })
  @ApiOkResponse({ type: WhoAmIUserResponse })
  async whoami(@CurrentAuth() auth: AuthContext): Promise<WhoAmIUserResponse> {
    const { membership } = await this.users.getMember(auth, auth.user.id);
    const organization = await this.organizations.getForMember(auth, auth.organizationId);
    const permissions = await this.permissions.heldBy(auth.organizationId, auth.role);
    return serializeWhoAmI(auth, membership, organization, permissions);
  }

  @Get('token')
  @Requires('users.tokens')
  @ApiOperation({ operationId: 'api_current_user_token_retrieve', summary: 'Get user token' })
  @ApiOkResponse({ type: LegacyTokenResponse })
  async token(@CurrentAuth() auth: AuthContext): Promise<LegacyTokenResponse> {
    return { token: await this.users.legacyToken(auth.user.id) };
  }

  @Post('reset-token')
  @Requires('users.tokens')
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_current_user_reset_token_create', summary: 'Reset user token' })
  @ApiCreatedResponse({ type: LegacyTokenResponse })
  async resetToken(@CurrentAuth() auth: AuthContext): Promise<LegacyTokenResponse> {
    return { token: await this.users.resetLegacyToken(auth.user.id) };
  }

  @Get('hotkeys')
  @ApiOperation({ operationId: 'api_current_user_hotkeys_retrieve', summary: 'Get user hotkeys' })
  @ApiOkResponse({ type: HotkeysResponse })
  async hotkeys(@CurrentAuth() auth: AuthContext): Promise<HotkeysResponse> {
    return { custom_hotkeys: auth.user.custom_hotkeys ?? {} };
  }

  @Patch('hotkeys')
  @ApiOperation({
    operationId: 'api_current_user_hotkeys_partial_update',
    summary: 'Update user hotkeys',
  })
  @ApiOkResponse({ type: HotkeysResponse })
  async updateHotkeys(
    @CurrentAuth() auth: AuthContext,
    @Body() body: HotkeysDto,
  ): Promise<HotkeysResponse> {
    const custom_hotkeys = validateHotkeys(body.custom_hotkeys);
    await this.users.update(auth, auth.user.id, { custom_hotkeys });
    return { custom_hotkeys };
  }
}
