import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { AnnotationDraftResponse } from '../responses/annotation-draft.response';
import { serializeDraft } from '../serializers';
import { DraftsService } from './drafts.service';
import { DraftInputDto } from './dto/draft-input.dto';

/** One draft by id (not in the OpenAPI contract), with Label Studio's permissions per method. */
@ApiTags('Annotations')
@ResourceParams({ id: 'draft' })
@Controller('api/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get(':id')
  @Requires('annotations.view')
  @ApiOperation({ operationId: 'api_drafts_retrieve', summary: 'Get a draft' })
  @ApiOkResponse({ type: AnnotationDraftResponse })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AnnotationDraftResponse> {
    const draft = await this.drafts.get(auth, id);
    return serializeDraft(draft, await this.drafts.authorOf(auth, draft));
  }

  @Patch(':id')
  @Requires('annotations.change')
  @ApiOperation({ operationId: 'api_drafts_partial_update', summary: 'Update a draft' })
  @ApiOkResponse({ type: AnnotationDraftResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DraftInputDto,
  ): Promise<AnnotationDraftResponse> {
    const draft = await this.drafts.update(auth, id, body);
    return serializeDraft(draft, await this.drafts.authorOf(auth, draft));
  }

  @Delete(':id')
  @Requires('annotations.delete')
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_drafts_destroy', summary: 'Delete a draft' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.drafts.delete(auth, id);
  }
}
