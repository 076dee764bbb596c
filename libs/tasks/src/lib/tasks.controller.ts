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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { NamedIn, ResourceParams } from '@ls/core';
import { CreateTaskDto } from './dto/create-task.dto';
import { PatchTaskDto } from './dto/patch-task.dto';
import { TaskDataUrls } from './ports/task-data-urls';
import { TaskRelations } from './ports/task-relations';
import { LseTaskResponse } from './responses/lse-task.response';
import { AnnotatorTaskResponse, serializeTask, serializeTaskFor } from './task.serializer';
import { Task } from './task.entity';
import { TasksService } from './tasks.service';

@ApiTags('Tasks')
@ResourceParams({ id: 'task' })
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly relations: TaskRelations,
    private readonly dataUrls: TaskDataUrls,
  ) {}

  @Post()
  @Requires('tasks.create')
  @ApiOperation({ operationId: 'api_tasks_create', summary: 'Create task' })
  @ApiCreatedResponse({ type: LseTaskResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateTaskDto,
  ): Promise<LseTaskResponse> {
    const task = await this.tasks.create(auth, body);
    return serializeTask(task);
  }

  @Get(':id')
  @Requires('tasks.view')
  @ApiOperation({ operationId: 'api_tasks_retrieve', summary: 'Get task' })
  @ApiOkResponse({ type: LseTaskResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LseTaskResponse | AnnotatorTaskResponse> {
    const task = await this.tasks.getVisible(auth, id);
    await this.dataUrls.applyTo(task.project_id, [task]);
    const [serialized] = await this.serializeWithRelations(auth, [task]);
    return serialized;
  }

  @Patch(':id')
  @Requires('tasks.change')
  @ApiOperation({ operationId: 'api_tasks_partial_update', summary: 'Update task' })
  @ApiOkResponse({ type: LseTaskResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PatchTaskDto,
  ): Promise<LseTaskResponse | AnnotatorTaskResponse> {
    const [task] = await this.serializeWithRelations(auth, [
      await this.tasks.update(auth, id, body),
    ]);
    return task;
  }

  @Delete(':id')
  @Requires('tasks.delete')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_tasks_destroy', summary: 'Delete task' })
  @ApiNoContentResponse({ description: 'Deleted, with its annotations and predictions' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.tasks.delete(auth, id);
  }

  private async serializeWithRelations(
    auth: AuthContext,
    tasks: Task[],
  ): Promise<(LseTaskResponse | AnnotatorTaskResponse)[]> {
    const related = await this.relations.relatedTo(tasks, auth);
    return tasks.map((task) => serializeTaskFor(auth, task, related.get(task.id)));
  }
}
