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
import { AnnotationsService } from './annotations.service';
import { AnnotationInputDto } from './dto/annotation-input.dto';
import { BulkAnnotationDto } from './dto/bulk-annotation.dto';
import { BulkDeleteAnnotationsDto } from './dto/bulk-delete-annotations.dto';
import { AnnotationDraftResponse } from './responses/annotation-draft.response';
import { AnnotationResponse } from './responses/annotation.response';
import { CreatedAnnotationResponse } from './responses/created-annotation.response';
import { DeletedAnnotationsResponse } from './responses/deleted-annotations.response';
import { serializeAnnotation, serializeDraft } from './serializers';

@ApiTags('Annotations')
@ResourceParams({ id: 'annotation' })
@NamedIn('query', { project: 'project' })
@NamedIn('body', { project: 'project' })
@Controller('api/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Post('bulk')
  @Requires('annotations.bulk')
  @ApiOperation({ operationId: 'api_annotations_bulk_create', summary: 'Bulk create annotations' })
  @ApiCreatedResponse({ type: [CreatedAnnotationResponse] })
  async bulkCreate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: BulkAnnotationDto,
  ): Promise<CreatedAnnotationResponse[]> {
    const ids = await this.annotations.bulkCreate(auth, body);
    return ids.map((id) => ({ id }));
  }

  @Post('bulk-delete')
  @Requires('annotations.bulk')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'api_annotations_bulk_delete_create',
    summary: 'Bulk delete annotations',
  })
  @ApiOkResponse({ type: DeletedAnnotationsResponse })
  async bulkDelete(
    @CurrentAuth() auth: AuthContext,
    @Body() body: BulkDeleteAnnotationsDto,
  ): Promise<DeletedAnnotationsResponse> {
    return { deleted_count: await this.annotations.bulkDelete(auth, body) };
  }

  @Get(':id')
  @Requires('annotations.view')
  @ApiOperation({ operationId: 'api_annotations_retrieve', summary: 'Get annotation' })
  @ApiOkResponse({ type: AnnotationResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AnnotationResponse> {
    const annotation = await this.annotations.getVisible(auth, id);
    return serializeAnnotation(annotation, annotation.completed_by);
  }

  @Patch(':id')
  @Requires('annotations.change')
  @ApiOperation({ operationId: 'api_annotations_partial_update', summary: 'Update annotation' })
  @ApiOkResponse({ type: AnnotationResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AnnotationInputDto,
  ): Promise<AnnotationResponse> {
    const annotation = await this.annotations.update(auth, id, body);
    return serializeAnnotation(annotation, annotation.completed_by);
  }

  /** Not in the OpenAPI contract: the editor's "convert to draft" of a submitted annotation. */
  @Post(':id/convert-to-draft')
  @Requires('annotations.change')
  @ApiOperation({
    operationId: 'api_annotations_convert_to_draft_create',
    summary: 'Convert annotation to draft',
  })
  @ApiCreatedResponse({ type: AnnotationDraftResponse })
  async convertToDraft(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AnnotationDraftResponse> {
    return serializeDraft(await this.annotations.convertToDraft(auth, id), auth.user);
  }

  @Delete(':id')
  @Requires('annotations.delete')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_annotations_destroy', summary: 'Delete annotation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.annotations.delete(auth, id);
  }
}
