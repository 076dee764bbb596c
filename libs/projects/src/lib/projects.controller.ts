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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { ListProjectsQuery } from './dto/list-projects.query';
import { LabelConfigInput, ProjectInput } from './dto/project-input.dto';
import { ProjectStats, ZERO_COUNTERS } from './ports/project-stats';
import { Project } from './project.entity';
import {
  includedCounterFields,
  pickCounters,
  ProjectShape,
  serializeProject,
  serializeProjectCounts,
} from './project.serializer';
import { ProjectsService } from './projects.service';

/** Label Studio pages projects by 30, at most 100. */
const PROJECT_PAGES = { defaultSize: 30, maxSize: 100 };

@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly stats: ProjectStats,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'api_projects_list', summary: 'List projects' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListProjectsQuery,
    @Req() request: FastifyRequest,
  ) {
    const window = pageWindow(query, PROJECT_PAGES);
    const { rows, count } = await this.projects.list(auth, query, window);
    const results = await this.withCounters(auth, rows, 'list', query.include);
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Post()
  @ApiOperation({ operationId: 'api_projects_create', summary: 'Create a project' })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: ProjectInput) {
    const project = await this.projects.create(auth, body);
    return (await this.withCounters(auth, [project], 'write'))[0];
  }

  @Get('counts')
  @ApiOperation({ operationId: 'api_projects_counts_list', summary: "List projects' counts" })
  async counts(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListProjectsQuery,
    @Req() request: FastifyRequest,
  ) {
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
  @ApiOperation({ operationId: 'api_projects_validate_create', summary: 'Validate label config' })
  validate(@Body() body: LabelConfigInput): void {
    this.projects.validateConfig(body.label_config);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_projects_retrieve', summary: 'Get project by ID' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return (await this.withCounters(auth, [await this.projects.get(auth, id)], 'read'))[0];
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_projects_partial_update', summary: 'Update project' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ProjectInput,
  ) {
    const project = await this.projects.update(auth, id, body);
    return (await this.withCounters(auth, [project], 'write'))[0];
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_destroy', summary: 'Delete project' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.projects.remove(auth, id);
  }

  @Post(':id/validate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_projects_validate_label_config',
    summary: 'Validate project label config',
  })
  async validateForProject(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelConfigInput,
  ) {
    return this.projects.validateForProject(auth, id, body.label_config);
  }

  /** One counters query and one members count for the whole page, whatever its size. */
  private async withCounters(
    auth: AuthContext,
    rows: Project[],
    shape: ProjectShape,
    include?: string,
  ) {
    const fields = includedCounterFields(include);
    const [counters, membersCount] = await Promise.all([
      this.stats.countersFor(
        rows.map((row) => row.id),
        auth.user.id,
      ),
      this.projects.memberCount(auth),
    ]);
    return rows.map((row) =>
      serializeProject(
        row,
        pickCounters(counters.get(row.id) ?? ZERO_COUNTERS, fields),
        membersCount,
        shape,
      ),
    );
  }
}
