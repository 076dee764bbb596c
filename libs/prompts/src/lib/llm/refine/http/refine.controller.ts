import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { PROMPT_RESOURCE, PROMPT_VERSION_RESOURCE } from '../../prompts/prompt-resources';
import { Refinements } from '../refinements.service';
import { RefinementQuery, RefineQuery, RefineRequestDto } from './refine-input.dto';
import { RefinedPromptResponse, serializeRefinement } from './refined-prompt.response';

/** "Enhance prompt": a teacher model rewrites a version into a new one (managers and above). */
@ApiTags('Prompts')
@ResourceParams({ prompt_id: PROMPT_RESOURCE, version_id: PROMPT_VERSION_RESOURCE })
@Requires('models.manage')
@Controller('api/prompts/:prompt_id/versions/:version_id/refine')
export class RefineController {
  constructor(private readonly refinements: Refinements) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'api_prompts_versions_refine_create',
    summary: 'Refine a prompt version',
  })
  @ApiCreatedResponse({ type: RefinedPromptResponse })
  async refine(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Query() query: RefineQuery,
    @Body() body: RefineRequestDto,
  ): Promise<RefinedPromptResponse> {
    return serializeRefinement(
      await this.refinements.start(auth, promptId, versionId, body, query.async === true),
    );
  }

  /** 202 while the refinement runs, 200 once it has completed or failed. */
  @Get()
  @ApiOperation({
    operationId: 'api_prompts_versions_refine_retrieve',
    summary: 'Get refined prompt',
  })
  @ApiOkResponse({ type: RefinedPromptResponse })
  @ApiAcceptedResponse({ type: RefinedPromptResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Query() query: RefinementQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefinedPromptResponse> {
    const view = await this.refinements.view(auth, promptId, versionId, query.refinement_job_id);
    const running = ['Pending', 'Running'].includes(view.refinement.status);
    reply.status(running ? 202 : 200);
    return serializeRefinement(view);
  }
}
