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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { PROMPT_RESOURCE, PROMPT_VERSION_RESOURCE } from '../prompt-resources';
import { PromptVersionsService } from '../prompt-versions.service';
import { PromptVersionListQuery } from './prompt-list.query';
import { PromptVersionCreateDto, PromptVersionUpdateDto } from './prompt-version-input.dto';
import { PromptVersionResponse, serializePromptVersion } from './prompt-version.response';

/** The contract's "Prompts" routes on the versions of a prompt (managers and above). */
@ApiTags('Prompts')
@ResourceParams({ prompt_id: PROMPT_RESOURCE, version_id: PROMPT_VERSION_RESOURCE })
@Requires('models.manage')
@Controller('api/prompts/:prompt_id/versions')
export class PromptVersionsController {
  constructor(private readonly versions: PromptVersionsService) {}

  @Get()
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_prompts_versions_list', summary: 'List prompt versions' })
  @ApiOkResponse({ type: [PromptVersionResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Query() query: PromptVersionListQuery,
  ) {
    return (await this.versions.list(auth, promptId, query.ordering)).map(serializePromptVersion);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_prompts_versions_create', summary: 'Create prompt version' })
  @ApiCreatedResponse({ type: PromptVersionResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Body() body: PromptVersionCreateDto,
  ) {
    return serializePromptVersion(await this.versions.create(auth, promptId, body));
  }

  @Get(':version_id')
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_prompts_versions_retrieve', summary: 'Get prompt version' })
  @ApiOkResponse({ type: PromptVersionResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) id: number,
  ) {
    return serializePromptVersion(await this.versions.get(auth, promptId, id));
  }

  @Put(':version_id')
  @ApiOperation({ operationId: 'api_prompts_versions_update', summary: 'Put prompt version' })
  @ApiOkResponse({ type: PromptVersionResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) id: number,
    @Body() body: PromptVersionCreateDto,
  ) {
    return serializePromptVersion(await this.versions.update(auth, promptId, id, body, true));
  }

  @Patch(':version_id')
  @ApiOperation({
    operationId: 'api_prompts_versions_partial_update',
    summary: 'Update prompt version',
  })
  @ApiOkResponse({ type: PromptVersionResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) id: number,
    @Body() body: PromptVersionUpdateDto,
  ) {
    return serializePromptVersion(await this.versions.update(auth, promptId, id, body, false));
  }

  @Delete(':version_id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_prompts_versions_destroy', summary: 'Delete prompt version' })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.versions.remove(auth, promptId, id);
  }
}
