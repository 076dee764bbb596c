import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthContext,
  CurrentAuth,
  LseUserResponse,
  Requires,
  serializeUserSimple,
  UserSimpleResponse,
  UsersService,
} from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { DeprecatedMembersQuery } from './members/dto/project-members.query';
import { idsOfList } from './members/member-filters';
import { serializeMemberUser } from './members/member.serializer';
import { ProjectMembersService } from './members/project-members.service';
import { ProjectStats, ZERO_COUNTERS } from './ports/project-stats';
import { serializeDashboard } from './project-dashboard.serializer';
import { ProjectsService } from './projects.service';
import { ProjectDashboardResponse } from './responses/project-dashboard.response';

@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Controller('api/projects/:id')
export class ProjectPeopleController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly projectMembers: ProjectMembersService,
    private readonly users: UsersService,
    private readonly stats: ProjectStats,
  ) {}

  @Get('annotators')
  @Requires('projects.members')
  @ApiOperation({
    operationId: 'api_projects_annotators_retrieve',
    summary: 'List annotators of a project',
  })
  @ApiOkResponse({ type: [UserSimpleResponse] })
  async annotators(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<UserSimpleResponse[]> {
    await this.projects.getVisible(auth, id);
    const ids = new Set(await this.stats.annotatorIds(id));
    const members = await this.users.listMembers(auth);
    return members
      .filter(({ user }) => ids.has(user.id))
      .map(({ user }) => serializeUserSimple(user));
  }

  /**
   * Deprecated: the project's members (explicit, through the workspace, owners and
   * administrators) whose role there is not annotator, by user id.
   */
  @Get('members')
  @Requires('projects.view')
  @ApiOperation({ operationId: 'api_projects_members_retrieve', summary: 'Get project members' })
  @ApiOkResponse({ type: [LseUserResponse] })
  async members(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DeprecatedMembersQuery,
  ): Promise<LseUserResponse[]> {
    const rows = await this.projectMembers.all(auth, id, {
      ids: idsOfList('user_ids', query.user_ids),
      noAnnotators: true,
    });
    return rows.map(serializeMemberUser);
  }

  @ApiTags('Dashboard')
  @Get('dashboard')
  @Requires('projects.dashboard')
  @ApiOperation({ operationId: 'api_projects_dashboard_retrieve', summary: 'Get dashboard data' })
  @ApiOkResponse({ type: ProjectDashboardResponse })
  async dashboard(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ProjectDashboardResponse> {
    await this.projects.getVisible(auth, id);
    const counters = (await this.stats.countersFor([id])).get(id) ?? ZERO_COUNTERS;
    return serializeDashboard(counters);
  }
}
