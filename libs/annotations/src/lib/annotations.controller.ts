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
import { IsIn, IsOptional } from 'class-validator';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { ANNOTATION_ORDERINGS, AnnotationsService } from './annotations.service';
import {
  AnnotationInputDto,
  BulkAnnotationDto,
  BulkDeleteAnnotationsDto,
} from './dto/annotation-input.dto';
import { taskAgreement } from './agreement/task-agreement';
import { serializeAnnotation } from './serializers';

export class TaskAnnotationsQuery {
  @IsOptional() @IsIn(ANNOTATION_ORDERINGS) ordering?: string;
}

export class CreateAnnotationQuery {
  /** `?was_cancelled=1` marks the new annotation as a skip, whatever the body says. */
  @IsOptional() @IsIn(['0', '1', 'true', 'false']) was_cancelled?: string;
}

@ApiTags('Annotations')
@ResourceParams({ id: 'task' })
@Controller('api/tasks/:id/annotations')
export class TaskAnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  @ApiOperation({ operationId: 'api_tasks_annotations_list', summary: 'List task annotations' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: TaskAnnotationsQuery,
  ) {
    const annotations = await this.annotations.listForTask(auth, id, query.ordering);
    return annotations.map((annotation) =>
      serializeAnnotation(annotation, annotation.completed_by),
    );
  }

  @Post()
  @ApiOperation({ operationId: 'api_tasks_annotations_create', summary: 'Create annotation' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AnnotationInputDto,
    @Query() query: CreateAnnotationQuery,
  ) {
    const input =
      query.was_cancelled === undefined
        ? body
        : { ...body, was_cancelled: ['1', 'true'].includes(query.was_cancelled) };
    const annotation = await this.annotations.create(auth, id, input);
    return serializeAnnotation(annotation, annotation.completed_by);
  }
}

@ApiTags('Annotations')
@ResourceParams({ id: 'annotation' })
@Controller('api/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Post('bulk')
  @ApiOperation({ operationId: 'api_annotations_bulk_create', summary: 'Bulk create annotations' })
  async bulkCreate(@CurrentAuth() auth: AuthContext, @Body() body: BulkAnnotationDto) {
    const ids = await this.annotations.bulkCreate(auth, body);
    return ids.map((id) => ({ id }));
  }

  @Post('bulk-delete')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_annotations_bulk_delete_create',
    summary: 'Bulk delete annotations',
  })
  async bulkDelete(@CurrentAuth() auth: AuthContext, @Body() body: BulkDeleteAnnotationsDto) {
    return { deleted_count: await this.annotations.bulkDelete(auth, body) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'api_annotations_retrieve', summary: 'Get annotation' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    const annotation = await this.annotations.get(auth, id);
    return serializeAnnotation(annotation, annotation.completed_by);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'api_annotations_partial_update', summary: 'Update annotation' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AnnotationInputDto,
  ) {
    const annotation = await this.annotations.update(auth, id, body);
    return serializeAnnotation(annotation, annotation.completed_by);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_annotations_destroy', summary: 'Delete annotation' })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    await this.annotations.delete(auth, id);
  }
}

@ApiTags('Tasks')
@ResourceParams({ id: 'task' })
@Controller('api/tasks/:id/agreement')
export class TaskAgreementController {
  constructor(private readonly annotations: AnnotationsService) {}

  /** Exact-match agreement between the task's completed annotations (pairs that say the same). */
  @Get()
  @ApiOperation({ operationId: 'api_tasks_agreement_retrieve', summary: 'Task agreement' })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    const annotations = await this.annotations.listForTask(auth, id);
    return {
      task: id,
      annotations: annotations.length,
      agreement: taskAgreement(annotations.map((annotation) => annotation.result)),
    };
  }
}
