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
import { NamedIn, ResourceParams } from '@ls/core';
import { CreatePredictionDto } from './dto/create-prediction.dto';
import { ListPredictionsQuery } from './dto/list-predictions.query';
import { PredictionInputDto } from './dto/prediction-input.dto';
import { PredictionsService } from './predictions.service';
import { PredictionResponse } from './responses/prediction.response';
import { serializePrediction } from './serializers';

@ApiTags('Predictions')
@ResourceParams({ id: 'prediction' })
@Requires('predictions.change')
@NamedIn('query', { project: 'project', task: 'task' })
@NamedIn('body', { project: 'project', task: 'task' })
@Controller('api/predictions')
export class PredictionsController {
  constructor(private readonly predictions: PredictionsService) {}

  @Get()
  @Requires('predictions.view')
  @ApiOperation({ operationId: 'api_predictions_list', summary: 'List predictions' })
  @ApiOkResponse({ type: [PredictionResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListPredictionsQuery,
  ): Promise<PredictionResponse[]> {
    return (await this.predictions.list(auth, query)).map(serializePrediction);
  }

  @Post()
  @ApiOperation({ operationId: 'api_predictions_create', summary: 'Create prediction' })
  @ApiCreatedResponse({ type: PredictionResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreatePredictionDto,
  ): Promise<PredictionResponse> {
    return serializePrediction(await this.predictions.create(auth, body));
  }

  @Get(':id')
  @Requires('predictions.view')
  @ApiOperation({ operationId: 'api_predictions_retrieve', summary: 'Get prediction' })
  @ApiOkResponse({ type: PredictionResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<PredictionResponse> {
    return serializePrediction(await this.predictions.get(auth, id));
  }

  @Put(':id')
  @ApiOperation({ operationId: 'api_predictions_update', summary: 'Put prediction' })
  @ApiOkResponse({ type: PredictionResponse })
  async put(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PredictionInputDto,
  ): Promise<PredictionResponse> {
    return serializePrediction(await this.predictions.update(auth, id, body));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_predictions_partial_update', summary: 'Update prediction' })
  @ApiOkResponse({ type: PredictionResponse })
  async patch(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PredictionInputDto,
  ): Promise<PredictionResponse> {
    return serializePrediction(await this.predictions.update(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_predictions_destroy', summary: 'Delete prediction' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.predictions.delete(auth, id);
  }
}
