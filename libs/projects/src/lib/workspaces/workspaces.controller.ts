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
  Query,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { ProjectRows } from '../project-rows';
import { serializeProject } from '../project.serializer';
import { LseProjectResponse } from '../responses/lse-project.response';
import { ListWorkspacesQuery } from './dto/list-workspaces.query';
import { WorkspaceInput, WorkspacePatch } from './dto/workspace-input.dto';
import { WorkspaceProjectInput } from './dto/workspace-membership.dto';
import { WorkspaceResponse } from './responses/workspace.response';
import { WorkspaceProjectsService } from './workspace-projects.service';
import { WorkspacesService } from './workspaces.service';

@ApiTags('Workspaces')
@ResourceParams({ id: 'workspace' })
@Controller('api/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly projects: WorkspaceProjectsService,
    private readonly rows: ProjectRows,
  ) {}

  @Get()
  @Requires('workspaces.view')
  @ApiOperation({ operationId: 'api_workspaces_list', summary: 'List workspaces' })
  @ApiOkResponse({ type: [WorkspaceResponse] })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListWorkspacesQuery,
  ): Promise<WorkspaceResponse[]> {
    return this.workspaces.list(auth, query);
  }

  @Post()
  @Requires('workspaces.create')
  @ApiOperation({ operationId: 'api_workspaces_create', summary: 'Create workspace' })
  @ApiCreatedResponse({ type: WorkspaceResponse })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: WorkspaceInput,
  ): Promise<WorkspaceResponse> {
    return this.workspaces.create(auth, body);
  }

  @Get(':id')
  @Requires('workspaces.view')
  @ApiOperation({ operationId: 'api_workspaces_retrieve', summary: 'Get workspace' })
  @ApiOkResponse({ type: WorkspaceResponse })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<WorkspaceResponse> {
    return this.workspaces.get(auth, id);
  }

  @Patch(':id')
  @Requires('workspaces.change')
  @ApiOperation({ operationId: 'api_workspaces_partial_update', summary: 'Update workspace' })
  @ApiOkResponse({ type: WorkspaceResponse })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: WorkspacePatch,
  ): Promise<WorkspaceResponse> {
    return this.workspaces.update(auth, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('workspaces.delete')
  @ApiOperation({ operationId: 'api_workspaces_destroy', summary: 'Delete workspace' })
  @ApiNoContentResponse({ description: 'Deleted; a workspace with projects is refused (400)' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.workspaces.remove(auth, id);
  }

  @Get(':id/projects')
  @Requires('workspaces.view')
  @ApiOperation({
    operationId: 'api_workspaces_projects_retrieve',
    summary: 'List workspace projects',
  })
  @ApiOkResponse({ type: [LseProjectResponse] })
  async listProjects(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseProjectResponse[]> {
    const projects = await this.projects.list(auth, id);
    return this.rows.serialize(auth, projects, serializeProject);
  }

  @Post(':id/projects')
  @Requires('workspaces.change')
  @ApiOperation({ operationId: 'api_workspaces_projects_create', summary: 'Add workspace project' })
  @ApiCreatedResponse({ description: 'Project added (moved into this workspace)' })
  async addProject(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: WorkspaceProjectInput,
  ): Promise<void> {
    await this.projects.add(auth, id, body.project);
  }

  @Delete(':id/projects')
  @HttpCode(204)
  @Requires('workspaces.change')
  @ApiOperation({
    operationId: 'api_workspaces_projects_destroy',
    summary: 'Remove workspace project',
  })
  @ApiBody({ type: WorkspaceProjectInput })
  @ApiNoContentResponse({ description: 'Project removed (in no workspace now)' })
  async removeProject(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: WorkspaceProjectInput,
  ): Promise<void> {
    await this.projects.remove(auth, id, body.project);
  }
}
