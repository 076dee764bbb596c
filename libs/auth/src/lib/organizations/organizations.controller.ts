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
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { CurrentAuth } from '../context/current-auth.decorator';
import { User } from '../entities/user.entity';
import { MembersQuery } from './dto/members.query';
import { MembershipUpdateDto } from './dto/membership-update.dto';
import { OrganizationUpdateDto } from './dto/organization-update.dto';
import { MembershipsService } from './memberships.service';
import {
  serializeMemberListItem,
  serializeMembership,
  serializeOrganization,
  serializeOrganizationSummary,
} from './organization.serializer';
import { OrganizationsService } from './organizations.service';
import { LseOrganizationResponse } from './responses/lse-organization.response';
import { MemberListItemResponse } from './responses/member-list-item.response';
import { MemberPageResponse } from './responses/member-page.response';
import { OrganizationMemberResponse } from './responses/organization-member.response';
import { OrganizationSummaryResponse } from './responses/organization-summary.response';
import { Requires } from '../permissions/requires.decorator';

@ApiTags('Organizations')
@ResourceParams({ id: 'organization', userId: 'user' })
@Controller('api/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly memberships: MembershipsService,
  ) {}

  @Get()
  @Requires('organizations.view')
  @ApiOperation({ operationId: 'api_organizations_list', summary: 'List your organizations' })
  @ApiOkResponse({ type: [OrganizationSummaryResponse] })
  async list(@CurrentAuth() auth: AuthContext): Promise<OrganizationSummaryResponse[]> {
    const organizations = await this.organizations.listForUser(auth.user.id);
    return organizations.map(serializeOrganizationSummary);
  }

  @Get(':id')
  @Requires('organizations.view')
  @ApiOperation({ operationId: 'api_organizations_retrieve', summary: 'Get organization settings' })
  @ApiOkResponse({ type: LseOrganizationResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseOrganizationResponse> {
    return serializeOrganization(await this.organizations.getForMember(auth, id));
  }

  @Patch(':id')
  @Requires('organizations.change')
  @ApiOperation({
    operationId: 'api_organizations_partial_update',
    summary: 'Update organization settings',
  })
  @ApiOkResponse({ type: LseOrganizationResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: OrganizationUpdateDto,
  ): Promise<LseOrganizationResponse> {
    return serializeOrganization(await this.organizations.update(auth, id, body));
  }

  @Get(':id/memberships')
  @Requires('organizations.members.view')
  @ApiOperation({
    operationId: 'api_organizations_memberships_list',
    summary: 'Get organization members list',
  })
  @ApiOkResponse({ type: MemberPageResponse })
  async members(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MembersQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<MemberListItemResponse>> {
    const window = pageWindow(query);
    const { rows, count, tags } = await this.memberships.list(auth, id, query, window);
    const results = rows.map((row) =>
      serializeMemberListItem(row.user as User, row, tags.get(row.user_id)),
    );
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Patch(':id/memberships')
  @Requires('organizations.members.change')
  @ApiOperation({
    operationId: 'api_organizations_memberships_partial_update',
    summary: 'Update organization member/invite',
  })
  @ApiOkResponse({ type: MemberListItemResponse })
  async changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MembershipUpdateDto,
  ): Promise<MemberListItemResponse> {
    const membership = await this.memberships.changeRole(auth, id, body.user_id, body.role);
    const tags = await this.memberships.tagsOf(id, [membership.user_id]);
    return serializeMemberListItem(
      membership.user as User,
      membership,
      tags.get(membership.user_id),
    );
  }

  @Get(':id/memberships/:userId')
  @Requires('organizations.members.view')
  @ApiOperation({
    operationId: 'api_organizations_memberships_retrieve',
    summary: 'Get organization member details',
  })
  @ApiOkResponse({ type: OrganizationMemberResponse })
  async member(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
  ): Promise<OrganizationMemberResponse> {
    return serializeMembership(await this.memberships.get(auth, id, userId));
  }

  @Delete(':id/memberships/:userId')
  @Requires('organizations.members.change')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_organizations_memberships_destroy',
    summary: 'Soft delete an organization member',
  })
  @ApiNoContentResponse({ description: 'Removed from the organization' })
  async removeMember(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
  ): Promise<void> {
    await this.memberships.remove(auth, id, userId);
  }
}
