import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { AnnotationDraftResponse } from '../responses/annotation-draft.response';
import { serializeDraft } from '../serializers';
import { DraftsService } from './drafts.service';
import { CreateDraftDto } from './dto/create-draft.dto';

/** A task's drafts (not in the OpenAPI contract: the labeling editor's autosave). */
@ApiTags('Annotations')
@ResourceParams({ id: 'task', aid: 'annotation' })
@Controller('api/tasks/:id')
export class TaskDraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get('drafts')
  @Requires('annotations.view')
  @ApiOperation({ operationId: 'api_tasks_drafts_list', summary: "The caller's drafts of a task" })
  @ApiOkResponse({ type: [AnnotationDraftResponse] })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AnnotationDraftResponse[]> {
    const drafts = await this.drafts.listForTask(auth, id);
    return drafts.map((draft) => serializeDraft(draft, auth.user));
  }

  @Post('drafts')
  @Requires('annotations.create')
  @ApiOperation({ operationId: 'api_tasks_drafts_create', summary: 'Draft a new annotation' })
  @ApiCreatedResponse({ type: AnnotationDraftResponse })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CreateDraftDto,
  ): Promise<AnnotationDraftResponse> {
    return serializeDraft(await this.drafts.create(auth, id, body), auth.user);
  }

  @Post('annotations/:aid/drafts')
  @Requires('annotations.create')
  @ApiOperation({
    operationId: 'api_tasks_annotations_drafts_create',
    summary: 'Draft changes to an annotation',
  })
  @ApiCreatedResponse({ type: AnnotationDraftResponse })
  async createForAnnotation(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('aid', ParseIntPipe) annotationId: number,
    @Body() body: CreateDraftDto,
  ): Promise<AnnotationDraftResponse> {
    return serializeDraft(await this.drafts.create(auth, id, body, annotationId), auth.user);
  }
}
