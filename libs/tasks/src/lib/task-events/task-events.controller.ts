import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { TaskEventResponse } from '../responses/task-event.response';
import { TasksService } from '../tasks.service';
import { TaskEventDto } from './dto/task-event.dto';
import { TaskEvent } from './task-event.entity';
import { serializeTaskEvent } from './task-event.serializer';

@ApiTags('Task Events')
@ResourceParams({ id: 'task' })
@Requires('annotations.create')
@Controller('api/tasks/:id/events')
export class TaskEventsController {
  constructor(
    private readonly tasks: TasksService,
    @InjectRepository(TaskEvent) private readonly events: Repository<TaskEvent>,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'api_tasks_events_create', summary: 'Record a task event' })
  @ApiCreatedResponse({ type: TaskEventResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: TaskEventDto,
  ): Promise<TaskEventResponse> {
    const task = await this.tasks.get(auth, id);
    const event = await this.events.save(
      this.events.create({
        organization_id: auth.organizationId,
        project_id: task.project_id,
        task_id: task.id,
        actor_id: auth.user.id,
        annotation_id: body.annotation ?? null,
        annotation_draft_id: body.annotation_draft_id ?? null,
        review_id: body.review ?? null,
        event_key: body.event_key,
        event_time: new Date(body.event_time),
        meta: body.meta ?? null,
      }),
    );
    return serializeTaskEvent(event);
  }
}
