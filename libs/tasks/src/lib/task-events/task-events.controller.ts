import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsDateString, IsInt, IsOptional, IsString, Length } from 'class-validator';
import { Repository } from 'typeorm';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { TasksService } from '../tasks.service';
import { TaskEvent } from './task-event.entity';

export class TaskEventDto {
  @ApiProperty() @IsString() @Length(1, 255) event_key!: string;
  @ApiProperty() @IsDateString() event_time!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() annotation?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() annotation_draft_id?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() review?: number | null;
  @ApiPropertyOptional() @IsOptional() meta?: unknown;
}

function serializeTaskEvent(event: TaskEvent) {
  return {
    id: event.id,
    organization: event.organization_id,
    project: event.project_id,
    task: event.task_id,
    actor: event.actor_id,
    annotation: event.annotation_id,
    annotation_draft_id: event.annotation_draft_id,
    review: event.review_id,
    event_key: event.event_key,
    event_time: event.event_time.toISOString(),
    meta: event.meta ?? null,
    created_at: event.created_at.toISOString(),
  };
}

@ApiTags('Task Events')
@ResourceParams({ id: 'task' })
@Controller('api/tasks/:id/events')
export class TaskEventsController {
  constructor(
    private readonly tasks: TasksService,
    @InjectRepository(TaskEvent) private readonly events: Repository<TaskEvent>,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'api_tasks_events_create', summary: 'Record a task event' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: TaskEventDto,
  ) {
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
