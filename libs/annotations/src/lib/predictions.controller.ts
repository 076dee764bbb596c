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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import {
  CreatePredictionDto,
  ListPredictionsQuery,
  PredictionInputDto,
} from './dto/annotation-input.dto';
import { PredictionsService } from './predictions.service';
import { serializePrediction } from './serializers';

@ApiTags('Predictions')
@ResourceParams({ id: 'prediction' })
@Controller('api/predictions')
export class PredictionsController {
  constructor(private readonly predictions: PredictionsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_predictions_list', summary: 'List predictions' })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListPredictionsQuery) {
    return (await this.predictions.list(auth, query)).map(serializePrediction);
  }

  @Post()
  @ApiOperation({ operationId: 'api_predictions_create', summary: 'Create prediction' })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: CreatePredictionDto) {
    return serializePrediction(await this.predictions.create(auth, body));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_predictions_retrieve', summary: 'Get prediction' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializePrediction(await this.predictions.get(auth, id));
  }

  @Put(':id')
  @ApiOperation({ operationId: 'api_predictions_update', summary: 'Put prediction' })
  async put(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PredictionInputDto,
  ) {
    return serializePrediction(await this.predictions.update(auth, id, body));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_predictions_partial_update', summary: 'Update prediction' })
  async patch(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PredictionInputDto,
  ) {
    return serializePrediction(await this.predictions.update(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_predictions_destroy', summary: 'Delete prediction' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.predictions.delete(auth, id);
  }
}
