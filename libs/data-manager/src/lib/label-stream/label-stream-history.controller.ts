import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { LabelStreamHistoryStore } from './label-stream-history';
import { LabelStreamEntryResponse } from './label-stream-entry.response';

/** The labeling editor's stream history (not in the OpenAPI contract). */
@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Controller('api/projects')
export class LabelStreamHistoryController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly history: LabelStreamHistoryStore,
  ) {}

  /** The caller's history, oldest first; an empty list when the stream gave them nothing yet. */
  @Get(':id/label-stream-history')
  @Requires('tasks.view')
  @ApiOperation({
    operationId: 'api_projects_label_stream_history_list',
    summary: 'Tasks the label stream gave the caller',
  })
  @ApiOkResponse({ type: [LabelStreamEntryResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LabelStreamEntryResponse[]> {
    const project = await this.projects.get(auth, id);
    return this.history.of(auth.user.id, project.id);
  }
}
