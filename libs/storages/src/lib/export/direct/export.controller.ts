import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { exportConfigFromControls } from '../formats/export-config';
import { listExportFormats } from '../formats/export-formats';
import { DirectExportQuery } from './direct-export.query';
import { DirectExportService } from './direct-export.service';
import { ExportFormatResponse } from './responses/export-format.response';

@ApiTags('Export')
@ResourceParams({ id: 'project' })
@Requires('projects.export')
@Controller('api/projects/:id')
export class ExportController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly directExport: DirectExportService,
  ) {}

  /**
   * The formats with what the project's label config allows: each `{name, title, description,
   * link, tags?, disabled?}`, the usable ones first (the contract says strings; the export
   * dialog reads these objects: docs/contract-deviations.md).
   */
  @Get('export/formats')
  @ApiOperation({
    operationId: 'api_projects_export_formats_retrieve',
    summary: 'Get export formats',
  })
  @ApiOkResponse({ description: 'Export formats', type: [ExportFormatResponse] })
  async formats(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ExportFormatResponse[]> {
    const project = await this.projects.get(auth, id);
    return listExportFormats(exportConfigFromControls(project.parsed_label_config ?? {}));
  }

  /** The project's tasks as a file of the format asked, streamed from disk. */
  @Get('export')
  @ApiOperation({
    operationId: 'api_projects_export_retrieve',
    summary: '[Deprecated] Easy export of tasks and annotations',
  })
  @ApiOkResponse({
    description: 'Exported data: the file of the format asked',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DirectExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.directExport.export(auth, id, query);
    reply.raw.once('close', () => void file.cleanup());
    await reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.name}"`)
      .header('filename', file.name)
      .header('Access-Control-Expose-Headers', 'filename')
      .send(file.content);
  }
}
