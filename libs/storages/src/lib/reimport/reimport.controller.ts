import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { ProjectReimport } from './project-reimport.entity';
import { ReimportRequest, ReimportService } from './reimport.service';

export function serializeReimport(record: ProjectReimport) {
  return {
    id: record.id,
    project: record.project_id,
    status: record.status,
    error: record.error,
    task_count: record.task_count,
    annotation_count: record.annotation_count,
    prediction_count: record.prediction_count,
    duration: record.duration,
    file_upload_ids: record.file_upload_ids,
    files_as_tasks_list: record.files_as_tasks_list,
    found_formats: record.found_formats,
    data_columns: record.data_columns,
  };
}

@ApiTags('Projects')
@ResourceParams({ id: 'project', reimportPk: 'reimport' })
@Controller('api/projects/:id')
export class ReimportController {
  constructor(private readonly reimports: ReimportService) {}

  /** Label Studio's internal route behind the import dialog's "treat CSV/TSV as" choice. */
  @Post('reimport')
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_projects_reimport_create', summary: 'Reimport uploaded files' })
  async reimport(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ReimportRequest | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const done = await this.reimports.reimport(auth, id, body ?? {});
    if (!done) {
      reply.status(204);
      return undefined;
    }
    const { record, duration } = done;
    return {
      task_count: record.task_count,
      annotation_count: record.annotation_count,
      prediction_count: record.prediction_count,
      duration,
      file_upload_ids: record.file_upload_ids,
      found_formats: Object.keys(record.found_formats),
      data_columns: record.data_columns,
      reimport: record.id,
    };
  }

  @Get('reimports/:reimportPk')
  @ApiOperation({ operationId: 'api_projects_reimports_retrieve', summary: 'Reimport status' })
  async status(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('reimportPk', ParseIntPipe) reimportPk: number,
  ) {
    return serializeReimport(await this.reimports.get(auth, id, reimportPk));
  }
}
