import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AuthContext,
  CurrentAuth,
  LseUserResponse,
  OrganizationMember,
  Requires,
  serializeUserDetail,
  User,
} from '@ls/auth';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { AssignmentsResponse, UnassignmentsResponse } from '../dto/bulk-counts.response';
import { MemberSelectionDto } from '../dto/member-selection.dto';
import { idsOfList } from '../members/member-filters';
import { WorkspaceMemberInput, WorkspaceMemberRemoval } from './dto/workspace-membership.dto';
import { WorkspaceMembersQuery } from './dto/workspace-members.query';
import {
  LseUserPageResponse,
  WorkspaceMemberCreateResponse,
  WorkspaceMemberListResponse,
} from './responses/workspace-member.response';
import { WorkspaceMembershipsService } from './workspace-memberships.service';

/** Memberships are listed with their user joined. */
const userOf = (membership: OrganizationMember & { user?: User }): LseUserResponse => {
  if (!membership.user) throw new Error('A listed membership comes with its user');
  return serializeUserDetail(membership.user, membership);
};

@ApiTags('Workspaces')
@ResourceParams({ id: 'workspace' })
@Controller('api/workspaces/:id/memberships')
export class WorkspaceMembershipsController {
  constructor(private readonly memberships: WorkspaceMembershipsService) {}

  @Get()
  @Requires('workspaces.view')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_retrieve',
    summary: 'List workspace memberships',
  })
  @ApiOkResponse({ type: [WorkspaceMemberListResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WorkspaceMemberListResponse[]> {
    const { rows } = await this.memberships.list(auth, id);
    return rows.map((membership) => ({ user: userOf(membership), workspace: id }));
  }

  @Post()
  @HttpCode(200)
  @Requires('workspaces.change')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_create',
    summary: 'Create workspace membership',
  })
  @ApiOkResponse({ type: WorkspaceMemberCreateResponse })
  async add(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: WorkspaceMemberInput,
  ): Promise<WorkspaceMemberCreateResponse> {
    const workspace = await this.memberships.add(auth, id, body.user);
    return { user: body.user, workspace: workspace.id };
  }

  @Delete()
  @HttpCode(204)
  @Requires('workspaces.change')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_destroy',
    summary: 'Delete workspace membership',
  })
  @ApiBody({ type: WorkspaceMemberRemoval })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: WorkspaceMemberRemoval,
  ): Promise<void> {
    await this.memberships.remove(auth, id, body.user_id);
  }

  @Post('bulk')
  @HttpCode(200)
  @Requires('workspaces.change')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_bulk_create',
    summary: 'Bulk assign workspace members',
  })
  @ApiOkResponse({ type: AssignmentsResponse })
  async assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberSelectionDto,
  ): Promise<AssignmentsResponse> {
    return { assignments: await this.memberships.assign(auth, id, body) };
  }

  @Delete('bulk')
  @HttpCode(200)
  @Requires('workspaces.change')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_bulk_destroy',
    summary: 'Bulk unassign workspace members',
  })
  @ApiBody({ type: MemberSelectionDto })
  @ApiOkResponse({ type: UnassignmentsResponse })
  async unassign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MemberSelectionDto,
  ): Promise<UnassignmentsResponse> {
    return { unassignments: await this.memberships.unassign(auth, id, body) };
  }

  @Get('paginated')
  @Requires('workspaces.view')
  @ApiOperation({
    operationId: 'api_workspaces_memberships_paginated_list',
    summary: 'Get workspace members paginated',
  })
  @ApiOkResponse({ type: LseUserPageResponse })
  async page(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: WorkspaceMembersQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<LseUserResponse>> {
    const window = pageWindow(query);
    const filters = { ids: idsOfList('ids', query.ids), search: query.search || undefined };
    const { rows, count } = await this.memberships.list(auth, id, filters, window);
    return toPage(rows.map(userOf), count, window, requestUrlOf(request));
  }
}
