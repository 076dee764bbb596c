import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { PROMPT_RESOURCE, PROMPT_VERSION_RESOURCE } from '../../prompts/prompt-resources';
import { CostEstimator } from '../cost-estimator';
import { CostEstimateQuery } from './cost-estimate.query';
import { CostEstimateResponse } from './cost-estimate.response';

/** The cost of running a prompt version on a project's subset (managers and above). */
@ApiTags('Prompts')
@ResourceParams({ prompt_id: PROMPT_RESOURCE, version_id: PROMPT_VERSION_RESOURCE })
@Controller('api/prompts/:prompt_id/versions/:version_id/cost-estimate')
export class CostEstimateController {
  constructor(private readonly estimator: CostEstimator) {}

  @Get()
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_prompts_versions_cost_estimate_retrieve',
    summary: 'Get cost estimate for running a prompt version on a particular project/subset',
  })
  @ApiOkResponse({ type: CostEstimateResponse })
  estimate(
    @CurrentAuth() auth: AuthContext,
    @Param('prompt_id', ParseIntPipe) promptId: number,
    @Param('version_id', ParseIntPipe) versionId: number,
    @Query() query: CostEstimateQuery,
  ): Promise<CostEstimateResponse> {
    return this.estimator.estimate(
      auth,
      promptId,
      versionId,
      query.project,
      query.project_subset ?? 'All',
    );
  }
}
