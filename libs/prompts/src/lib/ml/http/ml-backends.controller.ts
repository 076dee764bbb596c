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
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { booleanOfText, NamedIn, ResourceParams } from '@ls/core';
import { MlBackendCalls } from '../ml-backend-calls.service';
import { MlBackendsService } from '../ml-backends.service';
import {
  MlBackendListQuery,
  MlInteractiveAnnotatingDto,
  MlPredictQuery,
  MlTrainDto,
} from './ml-action.dto';
import { MlBackendCreateDto, MlBackendUpdateDto } from './ml-backend-input.dto';
import { MlBackendResponse, MlVersionsResponse, serializeMlBackend } from './ml-backend.response';

/** `ml_backend`: what `:id` names on these routes (see `MlResources`). */
export const ML_BACKEND_RESOURCE = 'ml_backend';

/** The contract's "Machine Learning" routes: ML backends of the caller's organization. */
@ApiTags('Machine Learning')
@ResourceParams({ id: ML_BACKEND_RESOURCE })
@Requires('models.manage')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/ml')
export class MlBackendsController {
  constructor(
    private readonly backends: MlBackendsService,
    private readonly calls: MlBackendCalls,
  ) {}

  @Get()
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_ml_list', summary: 'List ML backends' })
  @ApiOkResponse({ type: [MlBackendResponse] })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: MlBackendListQuery) {
    return (await this.backends.list(auth, query.project)).map(serializeMlBackend);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_ml_create', summary: 'Add ML Backend' })
  @ApiCreatedResponse({ type: MlBackendResponse })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: MlBackendCreateDto) {
    return serializeMlBackend(await this.backends.create(auth, body));
  }

  @Get(':id')
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_ml_retrieve', summary: 'Get ML Backend' })
  @ApiOkResponse({ type: MlBackendResponse })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializeMlBackend(await this.backends.get(auth, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_ml_partial_update', summary: 'Update ML Backend' })
  @ApiOkResponse({ type: MlBackendResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MlBackendUpdateDto,
  ) {
    return serializeMlBackend(await this.backends.update(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_ml_destroy', summary: 'Remove ML Backend' })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.backends.remove(auth, id);
  }

  @Post(':id/interactive-annotating')
  @Requires('models.predict')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_ml_interactive_annotating_create',
    summary: 'Request Interactive Annotation',
  })
  @ApiOkResponse({ description: '`{"data": <first result item>}` or `{"errors": [...]}`' })
  async interactive(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MlInteractiveAnnotatingDto,
  ) {
    return this.calls.interactive(auth, id, body.task, body.context);
  }

  @Post(':id/predict')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_ml_predict_create',
    summary: 'Create predictions for all tasks',
  })
  @ApiOkResponse({ description: 'Predictions have successfully started (`{"status", "job"}`).' })
  async predict(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: MlPredictQuery,
  ) {
    return this.calls.startPredictions(auth, id, query.batch_size);
  }

  @Post(':id/predict/test')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_ml_predict_test_create', summary: 'Test prediction' })
  @ApiQuery({ name: 'random', required: false, type: Boolean })
  @ApiOkResponse({ description: 'The model server’s answer for a random task.' })
  async predictTest(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query('random') random?: string,
  ) {
    return this.calls.predictTest(auth, id, booleanOfText(random ?? '') === true);
  }

  @Post(':id/train')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_ml_train_create', summary: 'Train' })
  @ApiBody({ type: MlTrainDto, required: false })
  @ApiOkResponse({ description: 'Training has successfully started.' })
  async train(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: MlTrainDto,
  ): Promise<void> {
    await this.calls.train(auth, id, body?.use_ground_truth === true);
  }

  @Get(':id/versions')
  @Requires('models.view')
  @ApiOperation({ operationId: 'api_ml_versions_retrieve', summary: 'Get model versions' })
  @ApiOkResponse({ type: MlVersionsResponse })
  versions(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return this.calls.versions(auth, id);
  }
}
