import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { serializeTaskFor, TaskDataUrls, TaskRelations } from '@ls/tasks';
import { TaskPrelabeling } from '../prelabeling/task-prelabeling';
import { ListTasksQuery } from './list-tasks.query';
import { relatedFieldsOf } from './related-fields';
import { TaskListService } from './task-list.service';
import { TaskPageResponse } from './task-page.response';
import { NamedIn } from '@ls/core';

@ApiTags('Tasks')
@Requires('tasks.view')
@NamedIn('query', { project: 'project', view: 'view' })
@NamedIn('body', { project: 'project' })
@Controller('api/tasks')
export class TaskListController {
  constructor(
    private readonly taskList: TaskListService,
    private readonly relations: TaskRelations,
    private readonly dataUrls: TaskDataUrls,
    private readonly prelabeling: TaskPrelabeling,
  ) {}

  /**
   * The data manager's task list: a view's tasks (`view`) or a project's (`project`) selected by
   * `query` (filters, selectedItems, ordering), one page of them with the selection's totals.
   * Annotations, predictions and drafts come with `fields=all` only, as in Label Studio; storage
   * URIs in task data are opened through the resolve route unless `resolve_uri=false`.
   */
  @Get()
  @ApiOperation({ operationId: 'api_tasks_list', summary: 'List tasks' })
  @ApiOkResponse({ type: TaskPageResponse })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListTasksQuery,
  ): Promise<TaskPageResponse> {
    const { hiddenColumns, ...page } = await this.taskList.page(auth, query);
    if (page.tasks.length > 0) {
      await this.prelabeling.beforeServing(page.tasks[0].project_id, page.tasks, 'task-list');
    }
    const fields = relatedFieldsOf(query.fields, query.include, hiddenColumns);
    const related = await this.relations.relatedTo(page.tasks, auth, fields);
    if (query.resolve_uri !== false && page.tasks.length > 0) {
      await this.dataUrls.applyTo(page.tasks[0].project_id, page.tasks);
    }
    return {
      ...page,
      tasks: page.tasks.map((task) => serializeTaskFor(auth, task, related.get(task.id))),
    };
  }
}
