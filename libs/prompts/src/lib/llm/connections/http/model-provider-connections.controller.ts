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
import { LLM_PROVIDERS } from '../model-provider-connection.entity';
import { ModelProviderConnections } from '../model-provider-connections.service';
import { ConnectionListQuery, ModelProviderConnectionInputDto } from './connection-input.dto';
import {
  ModelProviderConnectionResponse,
  ProviderChoicesResponse,
  serializeConnection,
} from './connection.response';

/** What `:id` names on these routes (registered by `LlmExtensions`). */
export const MODEL_PROVIDER_CONNECTION_RESOURCE = 'model_provider_connection';

/**
 * The contract's "Model Provider Connection" routes. Managers and above use and create
 * connections; organization-wide ones only administrators and owners change (service).
 */
@ApiTags('Model Provider Connection')
@ResourceParams({ id: MODEL_PROVIDER_CONNECTION_RESOURCE })
@Requires('models.manage')
@Controller('api/model-provider-connections')
export class ModelProviderConnectionsController {
  constructor(private readonly connections: ModelProviderConnections) {}

  @Get()
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_model_provider_connections_list',
    summary: 'List model provider connections',
  })
  @ApiOkResponse({ type: [ModelProviderConnectionResponse] })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ConnectionListQuery) {
    return (await this.connections.list(auth, query.ordering)).map(serializeConnection);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'api_model_provider_connections_create',
    summary: 'Create model provider connection',
  })
  @ApiCreatedResponse({ type: ModelProviderConnectionResponse })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: ModelProviderConnectionInputDto) {
    return serializeConnection(await this.connections.create(auth, body));
  }

  @Get('provider-choices')
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_model_provider_connections_provider_choices_retrieve',
    summary: 'List model provider choices',
  })
  @ApiOkResponse({ type: ProviderChoicesResponse })
  providerChoices(): ProviderChoicesResponse {
    return { provider_choices: [...LLM_PROVIDERS] };
  }

  @Get(':id')
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_model_provider_connections_retrieve',
    summary: 'Get model provider connection',
  })
  @ApiOkResponse({ type: ModelProviderConnectionResponse })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializeConnection(await this.connections.get(auth, id));
  }

  @Put(':id')
  @ApiOperation({
    operationId: 'api_model_provider_connections_update',
    summary: 'Put model provider connection',
  })
  @ApiOkResponse({ type: ModelProviderConnectionResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ModelProviderConnectionInputDto,
  ) {
    return serializeConnection(await this.connections.update(auth, id, body));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'api_model_provider_connections_partial_update',
    summary: 'Update model provider connection',
  })
  @ApiOkResponse({ type: ModelProviderConnectionResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ModelProviderConnectionInputDto,
  ) {
    return serializeConnection(await this.connections.update(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_model_provider_connections_destroy',
    summary: 'Delete model provider connection',
  })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.connections.remove(auth, id);
  }
}
