import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ResourceParams } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { UserCreateDto } from './dto/user-create.dto';
import { UserUpdateDto } from './dto/user-update.dto';
import { LseUserApiResponse } from './responses/lse-user-api.response';
import { LseUserResponse } from './responses/lse-user.response';
import { toUserChanges } from './user-changes';
import { serializeUser, serializeUserDetail } from './user.serializer';
import { UsersService } from './users.service';
import { Requires } from '../permissions/requires.decorator';

@ApiTags('Users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Requires('users.view')
  @ApiOperation({ operationId: 'api_users_list', summary: 'List users' })
  @ApiOkResponse({ type: [LseUserApiResponse] })
  async list(@CurrentAuth() auth: AuthContext): Promise<LseUserApiResponse[]> {
    const members = await this.users.listMembers(auth);
    return members.map(({ user, membership }) => serializeUser(user, membership));
  }

  @Post()
  @Requires('organizations.members.change')
  @ApiOperation({ operationId: 'api_users_create', summary: 'Create new user' })
  @ApiCreatedResponse({ type: LseUserResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: UserCreateDto,
  ): Promise<LseUserResponse> {
    const { email, password, ...profile } = body;
    const { user, membership } = await this.users.createInOrganization(auth, {
      email,
      password,
      ...toUserChanges(profile),
    });
    return serializeUserDetail(user, membership);
  }

  @Get(':id')
  @Requires('users.view')
  @ResourceParams({ id: 'user' })
  @ApiOperation({ operationId: 'api_users_retrieve', summary: 'Get user info' })
  @ApiOkResponse({ type: LseUserResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseUserResponse> {
    const { user, membership } = await this.users.getMember(auth, id);
    return serializeUserDetail(user, membership);
  }

  @Patch(':id')
  @Requires('users.self')
  @ResourceParams({ id: 'user' })
  @ApiOperation({ operationId: 'api_users_partial_update', summary: 'Update user details' })
  @ApiOkResponse({ type: LseUserResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UserUpdateDto,
  ): Promise<LseUserResponse> {
    const { user, membership } = await this.users.update(auth, id, toUserChanges(body));
    return serializeUserDetail(user, membership);
  }

  @Delete(':id')
  @Requires('organizations.members.change')
  @ResourceParams({ id: 'user' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_users_destroy', summary: 'Delete user' })
  @ApiNoContentResponse({ description: 'Removed from the organization' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.users.removeFromOrganization(auth, id);
  }
}
