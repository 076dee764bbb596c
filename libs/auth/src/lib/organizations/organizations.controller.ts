import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { User } from '../entities/user.entity';
import {
  MembersQuery,
  MembershipUpdateDto,
  OrganizationUpdateDto,
} from './dto/organization-input.dto';
import { MembershipsService } from './memberships.service';
import {
  serializeMemberListItem,
  serializeMembership,
  serializeOrganization,
  serializeOrganizationSummary,
} from './organization.serializer';
import { OrganizationsService } from './organizations.service';

@ApiTags('Organizations')
@ResourceParams({ id: 'organization', userId: 'user' })
@Controller('api/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly memberships: MembershipsService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_organizations_list', summary: 'List your organizations' })
  async list(@CurrentAuth() auth: AuthContext) {
    const organizations = await this.organizations.listForUser(auth.user.id);
    return organizations.map(serializeOrganizationSummary);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_organizations_retrieve', summary: 'Get organization settings' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializeOrganization(await this.organizations.getForMember(auth, id));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'api_organizations_partial_update',
    summary: 'Update organization settings',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: OrganizationUpdateDto,
  ) {
    return serializeOrganization(await this.organizations.update(auth, id, body));
  }

  @Get(':id/memberships')
  @ApiOperation({
    operationId: 'api_organizations_memberships_list',
    summary: 'Get organization members list',
  })
  async members(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MembersQuery,
    @Req() request: FastifyRequest,
  ) {
    const window = pageWindow(query);
    const { rows, count } = await this.memberships.list(auth, id, query, window);
    const results = rows.map((row) => serializeMemberListItem(row.user as User, row));
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Patch(':id/memberships')
  @ApiOperation({
    operationId: 'api_organizations_memberships_partial_update',
    summary: 'Update organization member/invite',
  })
  async changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MembershipUpdateDto,
  ) {
    const membership = await this.memberships.changeRole(auth, id, body.user_id, body.role);
    return serializeMemberListItem(membership.user as User, membership);
  }

  @Get(':id/memberships/:userId')
  @ApiOperation({
    operationId: 'api_organizations_memberships_retrieve',
    summary: 'Get organization member details',
  })
  async member(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
  ) {
    return serializeMembership(await this.memberships.get(auth, id, userId));
  }

  @Delete(':id/memberships/:userId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_organizations_memberships_destroy',
    summary: 'Soft delete an organization member',
  })
  async removeMember(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
  ) {
    await this.memberships.remove(auth, id, userId);
  }
}
