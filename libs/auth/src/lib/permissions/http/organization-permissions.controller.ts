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
  Put,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceParams } from '@ls/core';
import { AuthContext } from '../../context/auth-context';
import { CurrentAuth } from '../../context/current-auth.decorator';
import { assertOwnOrganization } from '../../organizations/organizations.service';
import { Requires } from '../requires.decorator';
import {
  OrganizationPermissionDto,
  OrganizationPermissionPatchDto,
  PermissionOrderingQuery,
} from './organization-permission.dto';
import {
  ConfigurablePermissionOptionResponse,
  OrganizationPermissionResponse,
} from './organization-permission.response';
import {
  configurableOptions,
  orderBy,
  OrganizationPermissionsService,
} from './organization-permissions.service';

/** The permissions page: which roles hold each configurable permission in the organization. */
@ApiTags('Organizations', 'Permissions')
@ResourceParams({ id: 'organization' })
@Requires('organizations.permissions')
@Controller('api/organizations/:id/permissions')
export class OrganizationPermissionsController {
  constructor(private readonly permissions: OrganizationPermissionsService) {}

  @Get()
  @ApiOperation({
    operationId: 'api_organizations_permissions_list',
    summary: 'List organization permission overrides',
  })
  @ApiOkResponse({ type: [OrganizationPermissionResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PermissionOrderingQuery,
  ): Promise<OrganizationPermissionResponse[]> {
    return orderBy(await this.permissions.list(auth, id), query.ordering);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_organizations_permissions_create',
    summary: 'Set the roles of a configurable permission',
  })
  @ApiOkResponse({ type: OrganizationPermissionResponse })
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: OrganizationPermissionDto,
  ): Promise<OrganizationPermissionResponse> {
    return this.permissions.create(auth, id, body.permission, body.roles);
  }

  @Get('options')
  @ApiOperation({
    operationId: 'api_organizations_permissions_options_list',
    summary: 'List configurable permissions with their default and possible roles',
  })
  @ApiOkResponse({ type: [ConfigurablePermissionOptionResponse] })
  options(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PermissionOrderingQuery,
  ): ConfigurablePermissionOptionResponse[] {
    assertOwnOrganization(auth, id);
    return orderBy(configurableOptions(), query.ordering);
  }

  @Get(':permission')
  @ApiOperation({
    operationId: 'api_organizations_permissions_retrieve',
    summary: 'Get an organization permission override',
  })
  @ApiOkResponse({ type: OrganizationPermissionResponse })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('permission') permission: string,
  ): Promise<OrganizationPermissionResponse> {
    return this.permissions.get(auth, id, permission);
  }

  @Put(':permission')
  @ApiOperation({
    operationId: 'api_organizations_permissions_update',
    summary: 'Replace an organization permission override',
  })
  @ApiOkResponse({ type: OrganizationPermissionResponse })
  replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('permission') permission: string,
    @Body() body: OrganizationPermissionDto,
  ): Promise<OrganizationPermissionResponse> {
    return this.permissions.update(auth, id, permission, { ...body, roles: body.roles ?? [] });
  }

  @Patch(':permission')
  @ApiOperation({
    operationId: 'api_organizations_permissions_partial_update',
    summary: 'Change an organization permission override',
  })
  @ApiOkResponse({ type: OrganizationPermissionResponse })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('permission') permission: string,
    @Body() body: OrganizationPermissionPatchDto,
  ): Promise<OrganizationPermissionResponse> {
    return this.permissions.update(auth, id, permission, body);
  }

  @Delete(':permission')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_organizations_permissions_destroy',
    summary: 'Reset a permission to its default roles',
  })
  @ApiNoContentResponse()
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('permission') permission: string,
  ): Promise<void> {
    return this.permissions.remove(auth, id, permission);
  }
}
