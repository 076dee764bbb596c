import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { RunIndicators } from '../run-indicators';
import { MODEL_RUN_RESOURCE } from '../run-resources';
import { KeyIndicatorResponse } from './model-run.response';

/** Key indicators of a run for the prompt dashboard. */
@ApiTags('Prompts')
@ResourceParams({ id: MODEL_RUN_RESOURCE })
@Requires('models.view')
@Controller('api/inference-runs/:id/indicators')
export class RunIndicatorsController {
  constructor(private readonly indicators: RunIndicators) {}

  @Get()
  @ApiOperation({
    operationId: 'api_inference_runs_indicators_retrieve',
    summary: 'Get key indicators',
  })
  @ApiOkResponse({ type: [KeyIndicatorResponse] })
  all(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return this.indicators.all(auth, id);
  }

  @Get(':indicator_key')
  @ApiOperation({
    operationId: 'api_inference_runs_indicators_retrieve_2',
    summary: 'Get key indicator',
  })
  @ApiOkResponse({ type: KeyIndicatorResponse })
  one(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('indicator_key') key: string,
  ) {
    return this.indicators.one(auth, id, key);
  }
}
