import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { AnnotationsService } from './annotations.service';
import { AnnotationInputDto } from './dto/annotation-input.dto';
import { CreateAnnotationQuery } from './dto/create-annotation.query';
import { TaskAnnotationsQuery } from './dto/task-annotations.query';
import { AnnotationResponse } from './responses/annotation.response';
import { serializeAnnotation } from './serializers';

@ApiTags('Annotations')
@ResourceParams({ id: 'task' })
@Controller('api/tasks/:id/annotations')
export class TaskAnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  @Requires('annotations.view')
  @ApiOperation({ operationId: 'api_tasks_annotations_list', summary: 'List task annotations' })
  @ApiOkResponse({ type: [AnnotationResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: TaskAnnotationsQuery,
  ): Promise<AnnotationResponse[]> {
    const annotations = await this.annotations.listForTask(auth, id, query.ordering);
    return annotations.map((annotation) =>
      serializeAnnotation(annotation, annotation.completed_by),
    );
  }

  @Post()
  @Requires('annotations.create')
  @ApiOperation({ operationId: 'api_tasks_annotations_create', summary: 'Create annotation' })
  @ApiCreatedResponse({ type: AnnotationResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AnnotationInputDto,
    @Query() query: CreateAnnotationQuery,
  ): Promise<AnnotationResponse> {
    const input =
      query.was_cancelled === undefined
        ? body
        : { ...body, was_cancelled: ['1', 'true'].includes(query.was_cancelled) };
    const annotation = await this.annotations.create(auth, id, input);
    return serializeAnnotation(annotation, annotation.completed_by);
  }
}
