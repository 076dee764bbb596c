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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { AssigneesDto, BulkAssigneesDto, RemoveAssigneesQuery } from './task-assignments.dto';
import { TaskAssignmentsService } from './task-assignments.service';
import { TaskAssignment } from './task-assignment.entity';

function serializeAssignment(assignment: TaskAssignment) {
  return {
    id: assignment.id,
    task: assignment.task_id,
    assignee: assignment.assignee_id,
    type: assignment.type,
    created_at: assignment.created_at.toISOString(),
    state: '',
  };
}

/** Task assignments (an Enterprise feature of Label Studio, served here to every edition). */
@ApiTags('Tasks')
@ResourceParams({ id: 'project', taskPk: 'task' })
@Controller('api/projects/:id/tasks')
export class TaskAssignmentsController {
  constructor(private readonly assignments: TaskAssignmentsService) {}

  @Post('assignees')
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_create', summary: 'Assign tasks' })
  async assignSelected(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: BulkAssigneesDto,
  ) {
    return { assignments: await this.assignments.assignSelected(auth, id, body), async: false };
  }

  @Get(':taskPk/assignees')
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_retrieve', summary: 'Task assignees' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
  ) {
    return (await this.assignments.list(auth, id, taskPk)).map(serializeAssignment);
  }

  @Post(':taskPk/assignees')
  @HttpCode(200)
  @ApiOperation({ operationId: 'api_projects_tasks_assignees_create_2', summary: 'Add assignees' })
  async add(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Body() body: AssigneesDto,
  ) {
    return serializeAssignment(await this.assignments.add(auth, id, taskPk, body));
  }

  @Patch(':taskPk/assignees')
  @ApiOperation({
    operationId: 'api_projects_tasks_assignees_partial_update',
    summary: 'Replace assignees',
  })
  async replace(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Body() body: AssigneesDto,
  ) {
    return serializeAssignment(await this.assignments.replace(auth, id, taskPk, body));
  }

  @Delete(':taskPk/assignees')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'api_projects_tasks_assignees_destroy',
    summary: 'Remove assignees',
  })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('taskPk', ParseIntPipe) taskPk: number,
    @Query() query: RemoveAssigneesQuery,
  ) {
    await this.assignments.remove(auth, id, taskPk, query);
  }
}
