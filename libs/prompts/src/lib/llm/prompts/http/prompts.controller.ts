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
  Put,
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
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { ProjectPageResponse } from '@ls/projects';
import { CompatibleProjects } from '../compatible-projects';
import { PromptProjects } from '../prompt-projects';
import { PROMPT_RESOURCE } from '../prompt-resources';
import { Prompt } from '../prompt.entity';
import { PromptsService } from '../prompts.service';
import { PromptCreateDto, PromptUpdateDto } from './prompt-input.dto';
import { CompatibleProjectsQuery, PromptListQuery } from './prompt-list.query';
import {
  PromptReadResponse,
  PromptResponse,
  serializePrompt,
  serializePromptRead,
} from './prompt.response';

/** Label Studio pages projects by 30, at most 100. */
const PROJECT_PAGES = { defaultSize: 30, maxSize: 100 };

/** The contract's "Prompts" routes on prompts themselves (managers and above). */
@ApiTags('Prompts')
@ResourceParams({ id: PROMPT_RESOURCE })
@Requires('models.manage')
@Controller('api/prompts')
export class PromptsController {
  constructor(
    private readonly prompts: PromptsService,
    private readonly projects: PromptProjects,
    private readonly compatible: CompatibleProjects,
  ) {}

  @Get()
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_prompts_list', summary: 'List prompts' })
  @ApiOkResponse({ type: [PromptReadResponse] })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: PromptListQuery) {
    const prompts = await this.prompts.list(auth, query.ordering);
    const named = await this.projects.namedOf(prompts.map(({ id }) => id));
    return prompts.map((prompt) => serializePromptRead(prompt, named.get(prompt.id) ?? []));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_prompts_create', summary: 'Create prompt' })
  @ApiCreatedResponse({ type: PromptResponse })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: PromptCreateDto) {
    return this.written(await this.prompts.create(auth, body));
  }

  @Get('compatible-projects')
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_prompts_compatible_projects_list',
    summary: 'List projects compatible with prompt',
  })
  @ApiOkResponse({ type: ProjectPageResponse })
  async compatibleProjects(
    @CurrentAuth() auth: AuthContext,
    @Query() query: CompatibleProjectsQuery,
    @Req() request: Parameters<typeof requestUrlOf>[0],
  ) {
    const window = pageWindow(query, PROJECT_PAGES);
    const { results, count } = await this.compatible.page(
      auth,
      query.project_type ?? 'TextClassification',
      query.ordering ?? '-created_at',
      window,
    );
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Get(':id')
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_prompts_retrieve', summary: 'Get prompt' })
  @ApiOkResponse({ type: PromptReadResponse })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    const prompt = await this.prompts.get(auth, id);
    const named = await this.projects.namedOf([id]);
    return serializePromptRead(prompt, named.get(id) ?? []);
  }

  @Put(':id')
  @ApiOperation({ operationId: 'api_prompts_update', summary: 'Put prompt' })
  @ApiOkResponse({ type: PromptResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PromptCreateDto,
  ) {
    return this.written(await this.prompts.update(auth, id, body, true));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_prompts_partial_update', summary: 'Update prompt' })
  @ApiOkResponse({ type: PromptResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PromptUpdateDto,
  ) {
    return this.written(await this.prompts.update(auth, id, body, false));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_prompts_destroy', summary: 'Delete prompt' })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.prompts.remove(auth, id);
  }

  @Get(':id/get-default-version-name')
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_prompts_get_default_version_name_retrieve',
    summary: 'Get default prompt version name',
  })
  @ApiOkResponse({ description: '`{"title": "<prompt title> v<n>"}`: the next free title.' })
  async defaultVersionName(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<{ title: string }> {
    return { title: await this.prompts.defaultVersionName(auth, id) };
  }

  private async written(prompt: Prompt): Promise<PromptResponse> {
    const named = await this.projects.namedOf([prompt.id]);
    return serializePrompt(prompt, named.get(prompt.id) ?? []);
  }
}
