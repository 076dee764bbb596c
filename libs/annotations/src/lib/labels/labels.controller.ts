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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth } from '@ls/auth';
import {
  assertIdListSize,
  flattenValidationErrors,
  pageWindow,
  requestUrlOf,
  ResourceParams,
  toPage,
  ValidationFailedException,
} from '@ls/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LabelLink } from './label-link.entity';
import { Label } from './label.entity';
import {
  LabelCreateDto,
  LabelLinkCreateDto,
  LabelLinkPatchDto,
  LabelPatchDto,
  ListLabelLinksQuery,
  ListLabelsQuery,
  RenameLabelDto,
} from './label.dto';
import { LabelsService } from './labels.service';

function serializeLabel(label: Label, links: LabelLink[]) {
  const own = links.filter((link) => link.label_id === label.id);
  return {
    id: label.id,
    created_at: label.created_at.toISOString(),
    updated_at: label.updated_at.toISOString(),
    created_by: label.created_by_id,
    organization: label.organization_id,
    title: label.title,
    description: label.description,
    value: label.value,
    approved: label.approved,
    approved_by: label.approved_by_id,
    links: own.map((link) => link.id),
    projects: [...new Set(own.map((link) => link.project_id))],
  };
}

/** The create body: a list of labels (the global pipe does not validate arrays). */
function labelItemsOf(body: unknown): LabelCreateDto[] {
  if (!Array.isArray(body) || body.length === 0) {
    throw new ValidationFailedException({
      non_field_errors: ['Expected a non-empty list of labels.'],
    });
  }
  assertIdListSize('non_field_errors', body);
  const items = body.map((item) => plainToInstance(LabelCreateDto, item));
  const errors = items.flatMap((item, index) =>
    Object.entries(
      flattenValidationErrors(validateSync(item, { whitelist: true, forbidUnknownValues: false })),
    ).map(([field, messages]) => [`[${index}].${field}`, messages] as const),
  );
  if (errors.length > 0) throw new ValidationFailedException(Object.fromEntries(errors));
  return items;
}

function serializeLink(link: LabelLink, annotationsCount: number) {
  return {
    id: link.id,
    from_name: link.from_name,
    label: link.label_id,
    project: link.project_id,
    annotations_count: annotationsCount,
  };
}

@ApiTags('Labels')
@ResourceParams({ id: 'label' })
@Controller('api/labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_labels_list', summary: 'List labels' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListLabelsQuery,
    @Req() request: FastifyRequest,
  ) {
    const window = pageWindow(query);
    const { rows, count, links } = await this.labels.list(auth, query, window);
    const results = rows.map((label) => serializeLabel(label, links));
    return toPage(results, count, window, requestUrlOf(request));
  }

  /** A list of labels, each linked to a project control; answered as one page. */
  @Post()
  @ApiOperation({ operationId: 'api_labels_create', summary: 'Create labels' })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: unknown) {
    const created = await this.labels.create(auth, labelItemsOf(body));
    const links = created.map(({ link }) => link);
    const results = created.map(({ label, link }) => ({
      ...serializeLabel(label, links),
      from_name: link.from_name,
      project: link.project_id,
    }));
    return { count: results.length, next: null, previous: null, results };
  }

  /** Renames a label inside a project's saved annotations. */
  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_labels_bulk_create', summary: 'Bulk update labels' })
  async renameInAnnotations(@CurrentAuth() auth: AuthContext, @Body() body: RenameLabelDto) {
    await this.labels.renameInAnnotations(auth, body);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_labels_retrieve', summary: 'Get label' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    const label = await this.labels.get(auth, id);
    return serializeLabel(label, await this.labels.linksOf([label]));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_labels_partial_update', summary: 'Update label' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelPatchDto,
  ) {
    const label = await this.labels.update(auth, id, body);
    return serializeLabel(label, await this.labels.linksOf([label]));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_labels_destroy', summary: 'Delete label' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.labels.delete(auth, id);
  }
}

@ApiTags('Labels')
@ResourceParams({ id: 'label_link' })
@Controller('api/label_links')
export class LabelLinksController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_label_links_list', summary: 'List label links' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListLabelLinksQuery,
    @Req() request: FastifyRequest,
  ) {
    const window = pageWindow(query);
    const [links, count] = await this.labels.listLinks(auth, query, window);
    const counts = await this.labels.annotationCounts(links);
    const results = links.map((link) => serializeLink(link, counts.get(link.id) ?? 0));
    return toPage(results, count, window, requestUrlOf(request));
  }

  @Post()
  @ApiOperation({ operationId: 'api_label_links_create', summary: 'Create label link' })
  async create(@CurrentAuth() auth: AuthContext, @Body() body: LabelLinkCreateDto) {
    return this.withCount(await this.labels.createLink(auth, body));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_label_links_retrieve', summary: 'Get label link' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return this.withCount(await this.labels.getLink(auth, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_label_links_partial_update', summary: 'Update label link' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LabelLinkPatchDto,
  ) {
    return this.withCount(await this.labels.updateLink(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_label_links_destroy', summary: 'Delete label link' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.labels.deleteLink(auth, id);
  }

  private async withCount(link: LabelLink) {
    const counts = await this.labels.annotationCounts([link]);
    return serializeLink(link, counts.get(link.id) ?? 0);
  }
}
