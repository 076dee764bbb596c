import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { AnnotationsService } from '../annotations.service';
import { taskAgreement } from './task-agreement';
import { TaskAgreementResponse } from './task-agreement.response';

@ApiTags('Tasks')
@ResourceParams({ id: 'task' })
@Requires('projects.dashboard')
@Controller('api/tasks/:id/agreement')
export class TaskAgreementController {
  constructor(private readonly annotations: AnnotationsService) {}

  /** Exact-match agreement between the task's completed annotations (pairs that say the same). */
  @Get()
  @ApiOperation({ operationId: 'api_tasks_agreement_retrieve', summary: 'Task agreement' })
  @ApiOkResponse({ type: TaskAgreementResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<TaskAgreementResponse> {
    const annotations = await this.annotations.listForTask(auth, id);
    return {
      task: id,
      annotations: annotations.length,
      agreement: taskAgreement(annotations.map((annotation) => annotation.result)),
    };
  }
}
