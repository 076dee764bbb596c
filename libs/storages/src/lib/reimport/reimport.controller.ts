import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { serializeReimport, serializeReimportResult } from './project-reimport.serializer';
import { ReimportRequest, ReimportService } from './reimport.service';
import { ProjectReimportResponse } from './responses/project-reimport.response';
import { ReimportResultResponse } from './responses/reimport-result.response';

@ApiTags('Projects')
@ResourceParams({ id: 'project', reimportPk: 'reimport' })
@Requires('projects.import')
@Controller('api/projects/:id')
export class ReimportController {
  constructor(private readonly reimports: ReimportService) {}

  /** Label Studio's internal route behind the import dialog's "treat CSV/TSV as" choice. */
  @Post('reimport')
  @HttpCode(201)
  @ApiOperation({ operationId: 'api_projects_reimport_create', summary: 'Reimport uploaded files' })
  @ApiCreatedResponse({ type: ReimportResultResponse })
  @ApiNoContentResponse({ description: 'No files to reimport' })
  async reimport(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ReimportRequest | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReimportResultResponse | undefined> {
    const done = await this.reimports.reimport(auth, id, body ?? {});
    if (!done) {
      reply.status(204);
      return undefined;
    }
    return serializeReimportResult(done.record, done.duration);
  }

  @Get('reimports/:reimportPk')
  @ApiOperation({ operationId: 'api_projects_reimports_retrieve', summary: 'Reimport status' })
  @ApiOkResponse({ type: ProjectReimportResponse })
  async status(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('reimportPk', ParseIntPipe) reimportPk: number,
  ): Promise<ProjectReimportResponse> {
    return serializeReimport(await this.reimports.get(auth, id, reimportPk));
  }
}
