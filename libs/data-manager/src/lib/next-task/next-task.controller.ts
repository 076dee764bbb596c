import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { NextTaskResponse } from './next-task.response';
import { NextTaskService } from './next-task.service';

/** The labeling stream's queue (not in the OpenAPI contract: the frontend's own route). */
@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Requires('annotations.create')
@Controller('api/projects')
export class NextTaskController {
  constructor(private readonly nextTask: NextTaskService) {}

  @Get(':id/next')
  @ApiOperation({ operationId: 'api_projects_next_retrieve', summary: 'Get next task to label' })
  @ApiOkResponse({ type: NextTaskResponse })
  next(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<NextTaskResponse> {
    return this.nextTask.next(auth, id);
  }
}
