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
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import {
  BodyLimit,
  NamedIn,
  REQUIRED_MESSAGE,
  ResourceParams,
  ValidationFailedException,
} from '@ls/core';
import { ProjectOfViewsQuery } from './dto/project-of-views.query';
import { ResetViewsDto } from './dto/reset-views.dto';
import { ViewCreateDto } from './dto/view-create.dto';
import { ViewOrderDto } from './dto/view-order.dto';
import { ViewUpdateDto } from './dto/view-update.dto';
import { ViewOrderResponse } from './responses/view-order.response';
import { ViewResponse } from './responses/view.response';
import { MAX_VIEW_BODY_BYTES } from './view-filters';
import { serializeView } from './view.serializer';
import { ViewsService } from './views.service';

const viewBodyLimit = () => MAX_VIEW_BODY_BYTES;

@ApiTags('Data Manager')
@ResourceParams({ id: 'view' })
@Requires('views.change')
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/dm/views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @Requires('views.view')
  @ApiOperation({ operationId: 'api_dm_views_list', summary: 'List views' })
  @ApiOkResponse({ type: [ViewResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProjectOfViewsQuery,
  ): Promise<ViewResponse[]> {
    return (await this.views.list(auth, query.project)).map(serializeView);
  }

  @Post()
  @BodyLimit(viewBodyLimit)
  @ApiOperation({ operationId: 'api_dm_views_create', summary: 'Create view' })
  @ApiCreatedResponse({ type: ViewResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ViewCreateDto,
  ): Promise<ViewResponse> {
    return serializeView(await this.views.create(auth, body));
  }

  /** Rewrites `order` of the listed views of the project to their positions in `ids`. */
  @Post('order')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_dm_views_order_create', summary: 'Update order of views' })
  @ApiOkResponse({ type: ViewOrderResponse })
  async reorder(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ViewOrderDto,
  ): Promise<ViewOrderResponse> {
    await this.views.reorder(auth, body);
    return { detail: 'View order updated successfully' };
  }

  /** Deletes the project's views; the project comes in the query (contract) or the body (SDK). */
  @Delete('reset')
  @Requires('views.drop_all')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_dm_views_reset_destroy', summary: 'Delete all project views' })
  @ApiBody({ type: ResetViewsDto, required: false })
  @ApiNoContentResponse({ description: "The project's views are deleted" })
  async reset(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProjectOfViewsQuery,
    @Body() body: ResetViewsDto = {},
  ): Promise<void> {
    const project = query.project ?? body?.project;
    if (project === undefined) throw new ValidationFailedException({ project: [REQUIRED_MESSAGE] });
    await this.views.reset(auth, project);
  }

  @Get(':id')
  @Requires('views.view')
  @ApiOperation({ operationId: 'api_dm_views_retrieve', summary: 'Get view details' })
  @ApiOkResponse({ type: ViewResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ViewResponse> {
    return serializeView(await this.views.get(auth, id));
  }

  @Put(':id')
  @BodyLimit(viewBodyLimit)
  @ApiOperation({ operationId: 'api_dm_views_update', summary: 'Put view' })
  @ApiOkResponse({ type: ViewResponse })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ViewUpdateDto,
  ): Promise<ViewResponse> {
    return serializeView(await this.views.update(auth, id, body, true));
  }

  @Patch(':id')
  @BodyLimit(viewBodyLimit)
  @ApiOperation({ operationId: 'api_dm_views_partial_update', summary: 'Update view' })
  @ApiOkResponse({ type: ViewResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ViewUpdateDto,
  ): Promise<ViewResponse> {
    return serializeView(await this.views.update(auth, id, body, false));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_dm_views_destroy', summary: 'Delete view' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.views.delete(auth, id);
  }
}
