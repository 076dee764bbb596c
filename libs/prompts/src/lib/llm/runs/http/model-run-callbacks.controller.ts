import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { RunCallbacks } from '../run-callbacks.service';
import { BatchFailedPredictionsDto, BatchPredictionsDto } from './model-run.dto';
import { BatchFailedPredictionsResponse, BatchPredictionsResponse } from './model-run.response';

/** Results of a run pushed from outside (`/api/model-run/…`, behavior-enterprise §6.5). */
@ApiTags('Prompts')
@Requires('models.manage')
@Controller('api/model-run')
export class ModelRunCallbacksController {
  constructor(private readonly callbacks: RunCallbacks) {}

  @Post('batch-predictions')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'api_model_run_batch_predictions_create',
    summary: 'Create batch predictions',
  })
  @ApiQuery({ name: 'num_predictions', required: false, type: 'integer' })
  @ApiCreatedResponse({ type: BatchPredictionsResponse })
  async predictions(@CurrentAuth() auth: AuthContext, @Body() body: BatchPredictionsDto) {
    return this.callbacks.predictions(auth, body.modelrun_id, body.job_id, body.results);
  }

  @Post('batch-failed-predictions')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'api_model_run_batch_failed_predictions_create',
    summary: 'Create batch of failed predictions',
  })
  @ApiQuery({ name: 'num_failed_predictions', required: false, type: 'integer' })
  @ApiCreatedResponse({ type: BatchFailedPredictionsResponse })
  async failures(@CurrentAuth() auth: AuthContext, @Body() body: BatchFailedPredictionsDto) {
    return this.callbacks.failures(auth, body.modelrun_id, body.job_id, body.failed_predictions);
  }
}
