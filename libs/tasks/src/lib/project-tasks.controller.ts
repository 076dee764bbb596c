import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { PageQuery, pageWindow, ResourceParams } from '@ls/core';
import { TaskRelations } from './ports/task-relations';
import { serializeTaskSimple } from './task.serializer';
import { TASK_ORDERINGS, TasksService } from './tasks.service';

export class ProjectTasksQuery extends PageQuery {
  @IsOptional() @IsIn(TASK_ORDERINGS) ordering?: string;
}

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
  @ApiOperation({ operationId: 'api_projects_tasks_list', summary: 'List project tasks' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ProjectTasksQuery,
  ) {
    const tasks = await this.tasks.listForProject(auth, id, pageWindow(query), query.ordering);
    const related = await this.relations.relatedTo(tasks, auth);
    return tasks.map((task) => serializeTaskSimple(task, related.get(task.id)));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_tasks_destroy', summary: 'Delete all tasks' })
  async removeAll(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.tasks.deleteAllForProject(auth, id);
  }
}
