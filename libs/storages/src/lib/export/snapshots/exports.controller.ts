import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { contentTypeOf } from '../export-names';
import { ConvertExportRequest, CreateExportRequest } from './create-export.request';
import { serializeCreatedExport, serializeExportSnapshot } from './export-snapshot.serializer';
import { ExportNotReady, ExportSnapshotsService } from './export-snapshots.service';
import {
  ExportConvertResponse,
  ExportCreatedResponse,
  ExportResponse,
} from './responses/export.response';

@ApiTags('Export')
@ResourceParams({ id: 'project', export_pk: 'export' })
@Requires('projects.export')
@Controller('api/projects/:id/exports')
export class ExportsController {
  constructor(private readonly snapshots: ExportSnapshotsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_projects_exports_list', summary: 'List all export snapshots' })
  @ApiQuery({ name: 'ordering', required: false, type: String })
  @ApiOkResponse({ type: [ExportResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ExportResponse[]> {
    const listed = await this.snapshots.list(auth, id);
    return listed.map((one) => serializeExportSnapshot(one.snapshot, one.createdBy, one.converted));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'api_projects_exports_create',
    summary: 'Create new export snapshot',
  })
  @ApiCreatedResponse({ type: ExportCreatedResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CreateExportRequest,
  ): Promise<ExportCreatedResponse> {
    const created = await this.snapshots.create(auth, id, body ?? {});
    return serializeCreatedExport(created.snapshot, created.createdBy);
  }

  @Get(':export_pk')
  @ApiOperation({
    operationId: 'api_projects_exports_retrieve',
    summary: 'Get export snapshot by ID',
  })
  @ApiOkResponse({ type: ExportResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('export_pk', ParseIntPipe) exportPk: number,
  ): Promise<ExportResponse> {
    const one = await this.snapshots.get(auth, id, exportPk);
    return serializeExportSnapshot(one.snapshot, one.createdBy, one.converted);
  }

  @Delete(':export_pk')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_exports_destroy', summary: 'Delete export snapshot' })
  @ApiNoContentResponse()
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('export_pk', ParseIntPipe) exportPk: number,
  ): Promise<void> {
    await this.snapshots.remove(auth, id, exportPk);
  }

  @Post(':export_pk/convert')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_projects_exports_convert_create',
    summary: 'Export conversion',
  })
  @ApiOkResponse({ type: ExportConvertResponse })
  async convert(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('export_pk', ParseIntPipe) exportPk: number,
    @Body() body: ConvertExportRequest,
  ): Promise<ExportConvertResponse> {
    return this.snapshots.convert(auth, id, exportPk, body);
  }

  /** The snapshot's JSON or a completed conversion; not ready: 404 with a plain-text reason. */
  @Get(':export_pk/download')
  @ApiOperation({
    operationId: 'api_projects_exports_download_retrieve',
    summary: 'Download export snapshot as file in specified format',
  })
  @ApiQuery({ name: 'exportType', required: false, type: String })
  @ApiOkResponse({ description: 'Export file', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('export_pk', ParseIntPipe) exportPk: number,
    @Query('exportType') exportType: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const file = await this.snapshots.download(auth, id, exportPk, exportType || 'JSON');
      const extension = file.name.slice(file.name.lastIndexOf('.'));
      const content = await this.snapshots.open(file);
      await reply
        .header('Content-Type', contentTypeOf(extension))
        .header('Content-Disposition', `attachment; filename="${file.name}"`)
        .header('filename', file.name)
        .header('Access-Control-Expose-Headers', 'filename')
        .send(content);
    } catch (error) {
      if (!(error instanceof ExportNotReady)) throw error;
      await reply
        .status(404)
        .header('Content-Type', 'text/plain; charset=utf-8')
        .send(error.message);
    }
  }
}
