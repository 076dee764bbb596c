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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { AssignmentsResponse, UnassignmentsResponse } from '../dto/bulk-counts.response';
import { MemberFiltersQuery } from './dto/member-filters.query';
import { ProjectMemberBulkInput, ProjectMemberInput } from './dto/project-member.dto';
import { ProjectMembersQuery } from './dto/project-members.query';
import { MemberSelectionDto } from '../dto/member-selection.dto';
import { bulkFilters, listFilters } from './member-filters';
import { serializeProjectMember } from './member.serializer';
import { ProjectMembersService } from './project-members.service';
import {
  PaginatedProjectMemberResponse,
  ProjectMemberPageResponse,
  ProjectMemberResponse,
} from './responses/project-member.response';

@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Requires('projects.members')
@Controller('api/projects/:id/members')
export class ProjectMembersController {
  constructor(private readonly members: ProjectMembersService) {}

  @Post()
  @ApiOperation({ operationId: 'api_projects_members_create', summary: 'Add project member' })
  @ApiCreatedResponse({ type: ProjectMemberResponse })
  async add(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ProjectMemberInput,
  ): Promise<ProjectMemberResponse> {
    await this.members.add(auth, id, body.user);
    return { user: body.user };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_projects_members_destroy',
    summary: 'Remove member from project',
  })
  @ApiBody({ type: ProjectMemberInput })
  @ApiNoContentResponse({ description: 'Member removed' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ProjectMemberInput,
  ): Promise<void> {
    await this.members.remove(auth, id, body.user);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_projects_members_bulk_create',
    summary: 'Bulk assign project members',
  })
  @ApiOkResponse({ type: AssignmentsResponse })
  async assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MemberFiltersQuery,
    @Body() body: ProjectMemberBulkInput,
  ): Promise<AssignmentsResponse> {
    const selection = { ...body, filters: bulkFilters(query) };
    return { assignments: await this.members.assign(auth, id, selection, body.roles ?? []) };
  }

  @Delete('bulk')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_projects_members_bulk_destroy',
    summary: 'Bulk unassign project members',
  })
  @ApiBody({ type: MemberSelectionDto })
  @ApiOkResponse({ type: UnassignmentsResponse })
  async unassign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MemberFiltersQuery,
    @Body() body: MemberSelectionDto,
  ): Promise<UnassignmentsResponse> {
    const selection = { ...body, filters: bulkFilters(query) };
    return { unassignments: await this.members.unassign(auth, id, selection) };
  }

  @Get('paginated')
  @ApiOperation({
    operationId: 'api_projects_members_paginated_list',
    summary: 'Get project members paginated',
  })
  @ApiOkResponse({ type: ProjectMemberPageResponse })
  async page(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ProjectMembersQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<PaginatedProjectMemberResponse>> {
    const window = pageWindow(query);
    const { rows, count } = await this.members.page(
      auth,
      id,
      listFilters(query),
      query.ordering,
      window,
    );
    return toPage(rows.map(serializeProjectMember), count, window, requestUrlOf(request));
  }
}
