import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ResourceParams } from '@ls/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthContext,
  CurrentAuth,
  serializeUserDetail,
  serializeUserSimple,
  UsersService,
} from '@ls/auth';
import { ProjectStats, ZERO_COUNTERS } from './ports/project-stats';
import { ProjectsService } from './projects.service';

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
  async annotators(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
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
  async members(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.projects.get(auth, id);
    const members = await this.users.listMembers(auth);
    return members.map(({ user, membership }) => serializeUserDetail(user, membership));
  }

  @ApiTags('Dashboard')
  @Get('dashboard')
  @ApiOperation({ operationId: 'api_projects_dashboard_retrieve', summary: 'Get dashboard data' })
  async dashboard(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.projects.get(auth, id);
    const counters = (await this.stats.countersFor([id])).get(id) ?? ZERO_COUNTERS;
    return {
      tasks: counters.task_number,
      annotations: counters.total_annotations_number,
      annotated_tasks: counters.num_tasks_with_annotations,
      skipped_tasks: counters.skipped_annotations_number,
      remaining_tasks: counters.task_number - counters.finished_task_number,
      reviewed_tasks: 0,
    };
  }
}
