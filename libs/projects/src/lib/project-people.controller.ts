import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthContext,
  CurrentAuth,
  LseUserResponse,
  serializeUserDetail,
  serializeUserSimple,
  UserSimpleResponse,
  UsersService,
} from '@ls/auth';
import { ResourceParams } from '@ls/core';
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
    private readonly users: UsersService,
    private readonly stats: ProjectStats,
  ) {}

  @Get('annotators')
  @ApiOperation({
    operationId: 'api_projects_annotators_retrieve',
    summary: 'List annotators of a project',
  })
  @ApiOkResponse({ type: [UserSimpleResponse] })
  async annotators(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<UserSimpleResponse[]> {
    await this.projects.get(auth, id);
    const ids = new Set(await this.stats.annotatorIds(id));
    const members = await this.users.listMembers(auth);
    return members
      .filter(({ user }) => ids.has(user.id))
      .map(({ user }) => serializeUserSimple(user));
  }

  /** In the Community edition every member of the organization works on every project. */
  @Get('members')
  @ApiOperation({ operationId: 'api_projects_members_retrieve', summary: 'List project members' })
  @ApiOkResponse({ type: [LseUserResponse] })
  async members(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseUserResponse[]> {
    await this.projects.get(auth, id);
    const members = await this.users.listMembers(auth);
    return members.map(({ user, membership }) => serializeUserDetail(user, membership));
  }

  @ApiTags('Dashboard')
  @Get('dashboard')
  @ApiOperation({ operationId: 'api_projects_dashboard_retrieve', summary: 'Get dashboard data' })
  @ApiOkResponse({ type: ProjectDashboardResponse })
  async dashboard(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ProjectDashboardResponse> {
    await this.projects.get(auth, id);
    const counters = (await this.stats.countersFor([id])).get(id) ?? ZERO_COUNTERS;
    return serializeDashboard(counters);
  }
}
