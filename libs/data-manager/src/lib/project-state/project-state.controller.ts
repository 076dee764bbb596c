import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ProjectQuery } from '../columns/project.query';
import { ProjectStateResponse } from './project-state.response';
import { ProjectStateService } from './project-state.service';
import { NamedIn } from '@ls/core';

@ApiTags('Data Manager')
@Requires('tasks.view')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/dm/project')
export class ProjectStateController {
  constructor(private readonly state: ProjectStateService) {}

  @Get()
  @ApiOperation({ operationId: 'api_dm_project_retrieve', summary: 'Get project state' })
  @ApiOkResponse({ type: ProjectStateResponse })
  stateOf(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProjectQuery,
  ): Promise<ProjectStateResponse> {
    return this.state.stateOf(auth, query.project);
  }
}
