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
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { Page, pageWindow, requestUrlOf, ResourceParams, toPage } from '@ls/core';
import { LabelCreateDto } from './dto/label-create.dto';
import { LabelItemsPipe } from './dto/label-items.pipe';
import { LabelPatchDto } from './dto/label-patch.dto';
import { ListLabelsQuery } from './dto/list-labels.query';
import { RenameLabelDto } from './dto/rename-label.dto';
import { serializeLabel } from './label.serializer';
import { LabelsService } from './labels.service';
import { CreatedLabelPageResponse } from './responses/created-label-page.response';
import { CreatedLabelResponse } from './responses/created-label.response';
import { LabelPageResponse } from './responses/label-page.response';
import { LabelResponse } from './responses/label.response';
import { LabelsRenamedResponse } from './responses/labels-renamed.response';

@ApiTags('Labels')
@ResourceParams({ id: 'label' })
@Requires('labels.change')
@Controller('api/labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @Requires('labels.view')
  @ApiOperation({ operationId: 'api_labels_list', summary: 'List labels' })
  @ApiOkResponse({ type: LabelPageResponse })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListLabelsQuery,
    @Req() request: FastifyRequest,
  ): Promise<Page<LabelResponse>> {
    const window = pageWindow(query);
    const { rows, count, links } = await this.labels.list(auth, query, window);
    const results = rows.map((label) => serializeLabel(label, links));
    return toPage(results, count, window, requestUrlOf(request));
  }

  /** A list of labels, each linked to a project control; answered as one page. */
  @Post()
  @ApiOperation({ operationId: 'api_labels_create', summary: 'Create labels' })
  @ApiBody({ type: [LabelCreateDto] })
  @ApiCreatedResponse({ type: CreatedLabelPageResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body(LabelItemsPipe) items: LabelCreateDto[],
  ): Promise<Page<CreatedLabelResponse>> {
    const created = await this.labels.create(auth, items);
    const links = created.map(({ link }) => link);
    const results = created.map(({ label, link }) => ({
      ...serializeLabel(label, links),
      from_name: link.from_name,
      project: link.project_id,
    }));
    return { count: results.length, next: null, previous: null, results };
  }

  /** Renames a label inside a project's saved annotations; answers how many changed. */
  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_labels_bulk_create', summary: 'Bulk update labels' })
  @ApiOkResponse({ type: LabelsRenamedResponse })
  async renameInAnnotations(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RenameLabelDto,
  ): Promise<LabelsRenamedResponse> {
    return { annotations_updated: await this.labels.renameInAnnotations(auth, body) };
  }

  @Get(':id')
  @Requires('labels.view')
  @ApiOperation({ operationId: 'api_labels_retrieve', summary: 'Get label' })
  @ApiOkResponse({ type: LabelResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LabelResponse> {
    const label = await this.labels.get(auth, id);
    return serializeLabel(label, await this.labels.linksOf([label]));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_labels_partial_update', summary: 'Update label' })
  @ApiOkResponse({ type: LabelResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelPatchDto,
  ): Promise<LabelResponse> {
    const label = await this.labels.update(auth, id, body);
    return serializeLabel(label, await this.labels.linksOf([label]));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_labels_destroy', summary: 'Delete label' })
  @ApiNoContentResponse({ description: 'Deleted, with its links' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.labels.delete(auth, id);
  }
}
