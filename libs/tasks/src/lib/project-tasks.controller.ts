import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { pageWindow, ResourceParams } from '@ls/core';
import { ProjectTasksQuery } from './dto/project-tasks.query';
import { TaskRelations } from './ports/task-relations';
import { TaskSimpleResponse } from './responses/task-simple.response';
import { serializeTaskSimple } from './task.serializer';
import { TasksService } from './tasks.service';

@ApiTags('Projects')
@ResourceParams({ id: 'project' })
@Controller('api/projects/:id/tasks')
export class ProjectTasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly relations: TaskRelations,
  ) {}

  /** A plain array, as Label Studio answers it (page and page_size still apply). */
  @Get()
  @Requires('tasks.view')
  @ApiOperation({ operationId: 'api_projects_tasks_list', summary: 'List project tasks' })
  @ApiOkResponse({ type: [TaskSimpleResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ProjectTasksQuery,
  ): Promise<TaskSimpleResponse[]> {
    const tasks = await this.tasks.listForProject(auth, id, pageWindow(query), query.ordering);
    const related = await this.relations.relatedTo(tasks, auth);
    return tasks.map((task) => serializeTaskSimple(task, related.get(task.id)));
  }

  @Delete()
  @Requires('tasks.delete')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_tasks_destroy', summary: 'Delete all tasks' })
  @ApiNoContentResponse({ description: "The project's tasks are deleted" })
  async removeAll(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.tasks.deleteAllForProject(auth, id);
  }
}
