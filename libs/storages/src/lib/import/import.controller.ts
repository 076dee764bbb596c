import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { BodyLimit, ResourceParams } from '@ls/core';
import { ImportQuery } from './dto/import.query';
import { importBodyLimit } from './import-limits';
import { ImportInputs } from './import-inputs';
import { ImportService } from './import.service';
import { PredictionImportService } from './prediction-import.service';
import { serializeImport, serializeImportResult } from './project-import.serializer';
import { ImportResultResponse } from './responses/import-result.response';
import { PredictionsImportResponse } from './responses/predictions-import.response';
import { ProjectImportResponse } from './responses/project-import.response';

@ApiTags('Import')
@ResourceParams({ id: 'project', importPk: 'import' })
@Requires('projects.import')
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
  @ApiCreatedResponse({ type: ImportResultResponse })
  async importTasks(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<ImportResultResponse> {
    const input = await this.inputs.of(auth, id, request, body);
    const { record, queued, duration } = await this.imports.start(auth, id, input, {
      commitToProject: query.commit_to_project ?? true,
      returnTaskIds: query.return_task_ids ?? false,
      preannotatedFields: query.preannotated_from_fields ?? [],
    });
    if (queued) return { import: record.id };
    return serializeImportResult(record, duration);
  }

  @Post('import/predictions')
  @BodyLimit(importBodyLimit)
  @ApiOperation({
    operationId: 'api_projects_import_predictions_create',
    summary: 'Import predictions',
  })
  @ApiCreatedResponse({ type: PredictionsImportResponse })
  async importPredictions(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ): Promise<PredictionsImportResponse> {
    return { created: await this.predictions.importPredictions(auth, id, body) };
  }

  @Get('imports/:importPk')
  @ApiOperation({ operationId: 'api_projects_imports_retrieve', summary: 'Import status' })
  @ApiOkResponse({ type: ProjectImportResponse })
  async status(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('importPk', ParseIntPipe) importPk: number,
  ): Promise<ProjectImportResponse> {
    return serializeImport(await this.imports.get(auth, id, importPk));
  }
}
