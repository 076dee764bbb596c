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
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { LabelLinkCreateDto } from './dto/label-link-create.dto';
import { LabelLinkPatchDto } from './dto/label-link-patch.dto';
import { ListLabelLinksQuery } from './dto/list-label-links.query';
import { LabelLink } from './label-link.entity';
import { serializeLabelLink } from './label-link.serializer';
import { LabelsService } from './labels.service';
import { LabelLinkPageResponse } from './responses/label-link-page.response';
import { LabelLinkResponse } from './responses/label-link.response';

@ApiTags('Labels')
@ResourceParams({ id: 'label_link' })
@Requires('labels.change')
@Controller('api/label_links')
export class LabelLinksController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @Requires('labels.view')
  @ApiOperation({ operationId: 'api_label_links_list', summary: 'List label links' })
  @ApiOkResponse({ type: LabelLinkPageResponse })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListLabelLinksQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<LabelLinkResponse>> {
    const window = pageWindow(query);
    const [links, count] = await this.labels.listLinks(auth, query, window);
    const counts = await this.labels.annotationCounts(links);
    const results = links.map((link) => serializeLabelLink(link, counts.get(link.id) ?? 0));
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Post()
  @ApiOperation({ operationId: 'api_label_links_create', summary: 'Create label link' })
  @ApiCreatedResponse({ type: LabelLinkResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: LabelLinkCreateDto,
  ): Promise<LabelLinkResponse> {
    return this.withCount(await this.labels.createLink(auth, body));
  }

  @Get(':id')
  @Requires('labels.view')
  @ApiOperation({ operationId: 'api_label_links_retrieve', summary: 'Get label link' })
  @ApiOkResponse({ type: LabelLinkResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LabelLinkResponse> {
    return this.withCount(await this.labels.getLink(auth, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_label_links_partial_update', summary: 'Update label link' })
  @ApiOkResponse({ type: LabelLinkResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelLinkPatchDto,
  ): Promise<LabelLinkResponse> {
    return this.withCount(await this.labels.updateLink(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_label_links_destroy', summary: 'Delete label link' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.labels.deleteLink(auth, id);
  }

  private async withCount(link: LabelLink): Promise<LabelLinkResponse> {
    const counts = await this.labels.annotationCounts([link]);
    return serializeLabelLink(link, counts.get(link.id) ?? 0);
  }
}
