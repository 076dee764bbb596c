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
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, idParam, Requires } from '@ls/auth';
import { createValidationPipe, NamedIn, ResourceParams, ValidationFailedException } from '@ls/core';
import { WEBHOOK_ACTIONS, WEBHOOK_ACTION_NAMES } from '../subscriptions/webhook-actions';
import { WebhooksService } from '../subscriptions/webhooks.service';
import { WebhookCreateDto, WebhookPatchDto, WebhookUpdateDto } from './webhook.dto';
import { serializeWebhook, WebhookForUpdateResponse, WebhookResponse } from './webhook.response';

const ACTION_INFO = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    key: { type: 'string' },
    'organization-only': { type: 'boolean' },
  },
};

@ApiTags('Webhooks')
@ResourceParams({ id: 'webhook' })
@Requires('webhooks.manage')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ operationId: 'api_webhooks_list', summary: 'List webhooks' })
  @ApiQuery({ name: 'project', required: false, type: String })
  @ApiOkResponse({ type: [WebhookResponse] })
  async list(@CurrentAuth() auth: AuthContext, @Query('project') project?: string) {
    const listed = await this.webhooks.list(auth, projectFilter(project));
    return listed.map((webhook) => serializeWebhook(webhook));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_webhooks_create', summary: 'Create a webhook' })
  @ApiBody({ type: WebhookCreateDto })
  @ApiCreatedResponse({ type: WebhookResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body(createValidationPipe(WebhookCreateDto)) body: WebhookCreateDto,
  ) {
    const { webhook, secret } = await this.webhooks.create(auth, body);
    return serializeWebhook(webhook, secret);
  }

  @Get('info')
  @ApiOperation({ operationId: 'api_webhooks_info_retrieve', summary: 'Webhook actions' })
  @ApiQuery({ name: 'organization-only', required: false, type: Boolean })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: Object.fromEntries(WEBHOOK_ACTION_NAMES.map((name) => [name, ACTION_INFO])),
    },
  })
  info(@Query('organization-only') organizationOnly?: string) {
    const only = organizationOnly === undefined ? undefined : organizationOnly === 'true';
    return Object.fromEntries(
      Object.entries(WEBHOOK_ACTIONS)
        .filter(([, action]) => only === undefined || action.organizationOnly === only)
        .map(([key, action]) => [
          key,
          {
            name: action.name,
            description: action.description,
            key,
            'organization-only': action.organizationOnly,
          },
        ]),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_webhooks_retrieve', summary: 'Get a webhook' })
  @ApiOkResponse({ type: WebhookResponse })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializeWebhook(await this.webhooks.get(auth, id));
  }

  @Put(':id')
  @ApiOperation({ operationId: 'api_webhooks_update', summary: 'Replace a webhook' })
  @ApiBody({ type: WebhookUpdateDto })
  @ApiOkResponse({ type: WebhookForUpdateResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body(createValidationPipe(WebhookUpdateDto)) body: WebhookUpdateDto,
  ) {
    const { webhook, secret } = await this.webhooks.update(auth, id, body);
    return serializeWebhook(webhook, secret);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_webhooks_partial_update', summary: 'Update a webhook' })
  @ApiBody({ type: WebhookPatchDto })
  @ApiOkResponse({ type: WebhookForUpdateResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body(createValidationPipe(WebhookPatchDto)) body: WebhookPatchDto,
  ) {
    const { webhook, secret } = await this.webhooks.update(auth, id, body);
    return serializeWebhook(webhook, secret);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_webhooks_destroy', summary: 'Delete a webhook' })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.webhooks.delete(auth, id);
  }
}

/** `?project=`: absent lists every webhook of the organization. */
function projectFilter(project: string | undefined): number | undefined {
  if (project === undefined || project === '') return undefined;
  const id = idParam(project);
  if (id === null)
    throw new ValidationFailedException({ project: ['A valid integer is required.'] });
  return id;
}
