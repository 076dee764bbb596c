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
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { LabelConfigInput } from './dto/label-config-input.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectInput } from './dto/project-input.dto';
import { ProjectStats, ZERO_COUNTERS } from './ports/project-stats';
import { ProjectRows } from './project-rows';
import {
  includedCounterFields,
  pickCounters,
  serializeProject,
  serializeProjectCounts,
  serializeWrittenProject,
} from './project.serializer';
import { ProjectsService } from './projects.service';
import { AllRolesProjectListResponse } from './responses/all-roles-project-list.response';
import { LseProjectCreateResponse } from './responses/lse-project-create.response';
import { LseProjectUpdateResponse } from './responses/lse-project-update.response';
import { LseProjectResponse } from './responses/lse-project.response';
import { ProjectCountsPageResponse } from './responses/project-counts-page.response';
import { ProjectCountsResponse } from './responses/project-counts.response';
import { ProjectLabelConfigResponse } from './responses/project-label-config.response';
import { ProjectPageResponse } from './responses/project-page.response';

/** Label Studio pages projects by 30, at most 100. */
const PROJECT_PAGES = { defaultSize: 30, maxSize: 100 };

@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly stats: ProjectStats,
    private readonly rows: ProjectRows,
  ) {}

  @Get()
  @Requires('projects.view')
  @ApiOperation({ operationId: 'api_projects_list', summary: 'List projects' })
  @ApiOkResponse({ type: ProjectPageResponse })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListProjectsQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<AllRolesProjectListResponse>> {
    const window = pageWindow(query, PROJECT_PAGES);
    const { rows, count } = await this.projects.list(auth, query, window);
    const results = await this.rows.serialize(auth, rows, serializeProject, query.include);
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Post()
  @Requires('projects.create')
  @ApiOperation({ operationId: 'api_projects_create', summary: 'Create a project' })
  @ApiCreatedResponse({ type: LseProjectCreateResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ProjectInput,
  ): Promise<LseProjectCreateResponse> {
    const project = await this.projects.create(auth, body);
    return (await this.rows.serialize(auth, [project], serializeWrittenProject))[0];
  }

  @Get('counts')
  @Requires('projects.view')
  @ApiOperation({ operationId: 'api_projects_counts_list', summary: "List projects' counts" })
  @ApiOkResponse({ type: ProjectCountsPageResponse })
  async counts(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListProjectsQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<ProjectCountsResponse>> {
    const window = pageWindow(query, PROJECT_PAGES);
    const { rows, count } = await this.projects.list(auth, query, window);
    const fields = includedCounterFields(query.include);
    const counters = await this.stats.countersFor(
      rows.map((row) => row.id),
      auth.user.id,
    );
    const results = rows.map((row) =>
      serializeProjectCounts(row.id, pickCounters(counters.get(row.id) ?? ZERO_COUNTERS, fields)),
    );
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Post('validate')
  @HttpCode(204)
  @Requires('projects.view')
  @ApiOperation({ operationId: 'api_projects_validate_create', summary: 'Validate label config' })
  @ApiNoContentResponse({ description: 'The config is valid' })
  validate(@Body() body: LabelConfigInput): void {
    this.projects.validateConfig(body.label_config);
  }

  @Get(':id')
  @Requires('projects.view')
  @ApiOperation({ operationId: 'api_projects_retrieve', summary: 'Get project by ID' })
  @ApiOkResponse({ type: LseProjectResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseProjectResponse> {
    const project = await this.projects.getVisible(auth, id);
    return (await this.rows.serialize(auth, [project], serializeProject))[0];
  }

  @Patch(':id')
  @Requires('projects.change')
  @ApiOperation({ operationId: 'api_projects_partial_update', summary: 'Update project' })
  @ApiOkResponse({ type: LseProjectUpdateResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ProjectInput,
  ): Promise<LseProjectUpdateResponse> {
    await this.projects.getVisible(auth, id);
    const project = await this.projects.update(auth, id, body);
    return (await this.rows.serialize(auth, [project], serializeWrittenProject))[0];
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('projects.delete')
  @ApiOperation({ operationId: 'api_projects_destroy', summary: 'Delete project' })
  @ApiNoContentResponse({ description: 'Deleted, with its tasks' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.projects.getVisible(auth, id);
    await this.projects.remove(auth, id);
  }

  @Post(':id/validate')
  @HttpCode(200)
  @Requires('projects.change')
  @ApiOperation({
    operationId: 'api_projects_validate_label_config',
    summary: 'Validate project label config',
  })
  @ApiOkResponse({ type: ProjectLabelConfigResponse })
  async validateForProject(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelConfigInput,
  ): Promise<ProjectLabelConfigResponse> {
    await this.projects.getVisible(auth, id);
    return this.projects.validateForProject(auth, id, body.label_config);
  }
}
