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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceParams } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { UserCreateDto, UserUpdateDto } from './dto/user-input.dto';
import { serializeUser, serializeUserDetail } from './user.serializer';
import { UserChanges, UsersService } from './users.service';

export function toUserChanges({ avatar, ...rest }: UserUpdateDto): UserChanges {
  return { ...rest, ...(avatar !== undefined ? { avatar_url: avatar } : {}) };
}

@ApiTags('Users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ operationId: 'api_users_list', summary: 'List users' })
  async list(@CurrentAuth() auth: AuthContext) {
    const members = await this.users.listMembers(auth);
    return members.map(({ user, membership }) => serializeUser(user, membership));
  }

  @Post()
  @ApiOperation({ operationId: 'api_users_create', summary: 'Create new user' })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: UserCreateDto) {
    const { email, password, ...profile } = body;
    const { user, membership } = await this.users.createInOrganization(auth, {
      email,
      password,
      ...toUserChanges(profile),
    });
    return serializeUserDetail(user, membership);
  }

  @Get(':id')
  @ResourceParams({ id: 'user' })
  @ApiOperation({ operationId: 'api_users_retrieve', summary: 'Get user info' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    const { user, membership } = await this.users.getMember(auth, id);
    return serializeUserDetail(user, membership);
  }

  @Patch(':id')
  @ResourceParams({ id: 'user' })
  @ApiOperation({ operationId: 'api_users_partial_update', summary: 'Update user details' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UserUpdateDto,
  ) {
    const { user, membership } = await this.users.update(auth, id, toUserChanges(body));
    return serializeUserDetail(user, membership);
  }

  @Delete(':id')
  @ResourceParams({ id: 'user' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_users_destroy', summary: 'Delete user' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.users.removeFromOrganization(auth, id);
  }
}
