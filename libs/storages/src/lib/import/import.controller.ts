import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { BodyLimit, ResourceParams } from '@ls/core';
import { importBodyLimit } from './import-limits';
import { ImportInputs } from './import-inputs';
import { ImportService } from './import.service';
import { PredictionImportService } from './prediction-import.service';
import { ProjectImport } from './project-import.entity';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

export class ImportQuery {
  @IsOptional() @Transform(toBool) @IsBoolean() commit_to_project?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() return_task_ids?: boolean;

  /** Repeated (`?f=a&f=b`) or a comma list (`?f=a,b`). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((entry) => String(entry).split(','))
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  @IsString({ each: true })
  preannotated_from_fields?: string[];
}

export function serializeImport(record: ProjectImport) {
  return {
    id: record.id,
    project: record.project_id,
    status: record.status,
    commit_to_project: record.commit_to_project,
    return_task_ids: record.return_task_ids,
    preannotated_from_fields: record.preannotated_from_fields,
    url: record.url,
    error: record.error,
    task_count: record.task_count,
    annotation_count: record.annotation_count,
    prediction_count: record.prediction_count,
    duration: record.duration,
    file_upload_ids: record.file_upload_ids,
    could_be_tasks_list: record.could_be_tasks_list,
    found_formats: record.found_formats,
    data_columns: record.data_columns,
    task_ids: record.task_ids,
    tasks: null,
    created_at: record.created_at.toISOString(),
    updated_at: record.updated_at.toISOString(),
    finished_at: record.finished_at ? record.finished_at.toISOString() : null,
  };
}

@ApiTags('Import')
@ResourceParams({ id: 'project', importPk: 'import' })
@Controller('api/projects/:id')
export class ImportController {
  constructor(
    private readonly inputs: ImportInputs,
    private readonly imports: ImportService,
    private readonly predictions: PredictionImportService,
  ) {}

  /**
   * Tasks as a JSON list or one task, files (multipart) or a `url` (form). Large inputs run as
   * a job: the answer is then `{"import": id}` to poll.
   */
  @Post('import')
  @BodyLimit(importBodyLimit)
  @ApiOperation({ operationId: 'api_projects_import_create', summary: 'Import tasks' })
  async importTasks(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ) {
    const input = await this.inputs.of(auth, id, request, body);
    const { record, queued, duration } = await this.imports.start(auth, id, input, {
      commitToProject: query.commit_to_project ?? true,
      returnTaskIds: query.return_task_ids ?? false,
      preannotatedFields: query.preannotated_from_fields ?? [],
    });
    if (queued) return { import: record.id };
    return {
      task_count: record.task_count,
      annotation_count: record.commit_to_project ? record.annotation_count : null,
      prediction_count: record.commit_to_project ? record.prediction_count : null,
      predictions_count: record.commit_to_project ? record.prediction_count : null,
      duration,
      file_upload_ids: record.file_upload_ids,
      could_be_tasks_list: record.could_be_tasks_list,
      found_formats: Object.keys(record.found_formats),
      data_columns: record.data_columns,
      import: record.id,
      ...(record.return_task_ids ? { task_ids: record.task_ids } : {}),
    };
  }

  @Post('import/predictions')
  @BodyLimit(importBodyLimit)
  @ApiOperation({
    operationId: 'api_projects_import_predictions_create',
    summary: 'Import predictions',
  })
  async importPredictions(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ) {
    return { created: await this.predictions.importPredictions(auth, id, body) };
  }

  @Get('imports/:importPk')
  @ApiOperation({ operationId: 'api_projects_imports_retrieve', summary: 'Import status' })
  async status(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('importPk', ParseIntPipe) importPk: number,
  ) {
    return serializeImport(await this.imports.get(auth, id, importPk));
  }
}
