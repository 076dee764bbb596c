import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ImportService } from './import.service';
import { ProjectImport } from './project-import.entity';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

export class ImportQuery {
  @IsOptional() @Transform(toBool) @IsBoolean() commit_to_project?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() return_task_ids?: boolean;
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
@Controller('api/projects/:id')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** Tasks as a JSON list or a single task object (files and URLs come with file uploads). */
  @Post('import')
  @ApiOperation({ operationId: 'api_projects_import_create', summary: 'Import tasks' })
  async importTasks(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ImportQuery,
    @Body() body: unknown,
  ) {
    const record = await this.imports.importBody(auth, id, body, {
      commitToProject: query.commit_to_project ?? true,
      returnTaskIds: query.return_task_ids ?? false,
    });
    return {
      task_count: record.task_count,
      annotation_count: record.commit_to_project ? record.annotation_count : null,
      prediction_count: record.commit_to_project ? record.prediction_count : null,
      predictions_count: record.commit_to_project ? record.prediction_count : null,
      duration: record.duration,
      file_upload_ids: record.file_upload_ids,
      could_be_tasks_list: record.could_be_tasks_list,
      found_formats: Object.keys(record.found_formats),
      data_columns: record.data_columns,
      import: record.id,
      ...(record.return_task_ids ? { task_ids: record.task_ids } : {}),
    };
  }

  @Post('import/predictions')
  @ApiOperation({
    operationId: 'api_projects_import_predictions_create',
    summary: 'Import predictions',
  })
  async importPredictions(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ) {
    return { created: await this.imports.importPredictions(auth, id, body) };
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
