import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { NamedIn, ResourceParams } from '@ls/core';
import { PROMPT_RESOURCE, PROMPT_VERSION_RESOURCE } from '../../prompts/prompt-resources';
import { ModelRunsService } from '../model-runs.service';
import { MODEL_RUN_RESOURCE } from '../run-resources';
import { ModelRunCreateDto, ModelRunListQuery } from './model-run.dto';
import { CancelModelRunResponse, ModelRunResponse, serializeModelRun } from './model-run.response';

/** The contract's inference run routes of a prompt version (managers and above). */
@ApiTags('Prompts')
@ResourceParams({
  prompt_id: PROMPT_RESOURCE,
  version_id: PROMPT_VERSION_RESOURCE,
  inference_run_id: MODEL_RUN_RESOURCE,
})
@Requires('models.manage')
@Controller('api/prompts/:prompt_id/versions/:version_id/inference-runs')
export class InferenceRunsController {
  constructor(private readonly runs: ModelRunsService) {}

  @Get()
  @Requires('models.view')
  @NamedIn('query', { project: 'project' })
  @ApiOperation({
    operationId: 'api_prompts_versions_inference_runs_list',
    summary: 'Get inference run info',
  })
  @ApiOkResponse({ type: [ModelRunResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Query() query: ModelRunListQuery,
  ) {
    return (await this.runs.list(auth, promptId, versionId, query)).map(serializeModelRun);
  }

  @Post()
  @HttpCode(201)
  @NamedIn('body', { project: 'project' })
  @ApiOperation({
    operationId: 'api_prompts_versions_inference_runs_create',
    summary: 'Run prompt inference',
  })
  @ApiCreatedResponse({ type: ModelRunResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Body() body: ModelRunCreateDto,
  ) {
    return serializeModelRun(await this.runs.create(auth, promptId, versionId, body));
  }

  @Post(':inference_run_id/cancel')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_prompts_versions_inference_runs_cancel_create',
    summary: 'Cancel Inference Run API',
  })
  @ApiOkResponse({ type: CancelModelRunResponse })
  async cancel(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Param('inference_run_id', ParseIntPipe) id: number,
  ): Promise<CancelModelRunResponse> {
    return this.runs.cancel(auth, promptId, versionId, id);
  }
}
