import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { BulkAssignmentResponse } from '../responses/bulk-assignment.response';
import { TaskAssignmentResponse } from '../responses/task-assignment.response';
import { AssigneesDto } from './dto/assignees.dto';
import { BulkAssigneesDto } from './dto/bulk-assignees.dto';
import { RemoveAssigneesQuery } from './dto/remove-assignees.query';
import { serializeAssignment } from './task-assignment.serializer';
import { TaskAssignmentsService } from './task-assignments.service';

/** Task assignments (an Enterprise feature of Label Studio, served here to every edition). */
@ApiTags('Tasks')
@ResourceParams({ id: 'project', taskPk: 'task' })
@Requires('tasks.assign')
@Controller('api/projects/:id/tasks')
export class TaskAssignmentsController {
  constructor(private readonly assignments: TaskAssignmentsService) {}

  @Post('assignees')
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_create', summary: 'Assign tasks' })
  @ApiCreatedResponse({ type: BulkAssignmentResponse })
  async assignSelected(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: BulkAssigneesDto,
  ): Promise<BulkAssignmentResponse> {
    return { assignments: await this.assignments.assignSelected(auth, id, body), async: false };
  }

  @Get(':taskPk/assignees')
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_retrieve', summary: 'Task assignees' })
  @ApiOkResponse({ type: [TaskAssignmentResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
  ): Promise<TaskAssignmentResponse[]> {
    return (await this.assignments.list(auth, id, taskPk)).map(serializeAssignment);
  }

  @Post(':taskPk/assignees')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_create_2', summary: 'Add assignees' })
  @ApiOkResponse({ type: TaskAssignmentResponse, description: 'The assignment of the last user' })
  async add(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Body() body: AssigneesDto,
  ): Promise<TaskAssignmentResponse> {
    return serializeAssignment(await this.assignments.add(auth, id, taskPk, body));
  }

  @Patch(':taskPk/assignees')
  @ApiOperation({
    operationId: 'api_projects_tasks_assignees_partial_update',
    summary: 'Replace assignees',
  })
  @ApiOkResponse({ type: TaskAssignmentResponse, description: 'The assignment of the last user' })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Body() body: AssigneesDto,
  ): Promise<TaskAssignmentResponse> {
    return serializeAssignment(await this.assignments.replace(auth, id, taskPk, body));
  }

  @Delete(':taskPk/assignees')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_projects_tasks_assignees_destroy',
    summary: 'Remove assignees',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Query() query: RemoveAssigneesQuery,
  ): Promise<void> {
    await this.assignments.remove(auth, id, taskPk, query);
  }
}
