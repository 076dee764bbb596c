import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Query,
  Req,
} from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { BodyLimit, ResourceParams, ValidationFailedException } from '@ls/core';
import { FileUploadSelectionQuery, parseUploadIds } from './dto/file-upload-selection.query';
import { serializeFileUpload } from './file-upload.serializer';
import { MultipartUploads } from './multipart-uploads';
import { FileUploadResponse } from './responses/file-upload.response';
import { UploadsService } from './uploads.service';
import { importBodyLimit } from '../import/import-limits';

/**
 * Which uploads `DELETE /api/projects/{id}/file-uploads` removes: `file_upload_ids` of the body
 * (Label Studio's way), else `ids` of the query; with neither (or `all=true`), all of them, as
 * Label Studio does.
 */
function idsToDelete(body: unknown, query: FileUploadSelectionQuery): number[] | null {
  const given = (body as { file_upload_ids?: unknown } | undefined)?.file_upload_ids;
  if (given !== undefined && given !== null) {
    const ids = parseUploadIds(given);
    if (!ids.every(Number.isInteger)) {
      throw new ValidationFailedException({
        file_upload_ids: ['"file_upload_ids" parameter must be a list of integers'],
      });
    }
    return ids;
  }
  if (query.all) return null;
  return query.ids ?? null;
}

@ApiTags('Import')
@Requires('projects.import')
@Controller()
export class FileUploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly multipart: MultipartUploads,
  ) {}

  @Get('api/projects/:id/file-uploads')
  @ResourceParams({ id: 'project' })
  @ApiOperation({ operationId: 'api_projects_file_uploads_list', summary: 'Get files list' })
  @ApiOkResponse({ type: FileUploadResponse, isArray: true })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: FileUploadSelectionQuery,
  ) {
    return (await this.uploads.listed(auth, id, query)).map(serializeFileUpload);
  }

  @Delete('api/projects/:id/file-uploads')
  @ResourceParams({ id: 'project' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_projects_file_uploads_destroy', summary: 'Delete files' })
  async removeMany(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: FileUploadSelectionQuery,
    @Body() body: unknown,
  ): Promise<void> {
    await this.uploads.removeFromProject(auth, id, idsToDelete(body, query));
  }

  @Get('api/import/file-upload/:id')
  @ResourceParams({ id: 'file_upload' })
  @ApiOperation({ operationId: 'api_import_file_upload_retrieve', summary: 'Get file upload' })
  @ApiOkResponse({ type: FileUploadResponse })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', ParseIntPipe) id: number) {
    return serializeFileUpload(await this.uploads.get(auth, id));
  }

  /** A multipart `file` replaces the content; any other body changes nothing. */
  @Patch('api/import/file-upload/:id')
  @ResourceParams({ id: 'file_upload' })
  @BodyLimit(importBodyLimit)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({
    operationId: 'api_import_file_upload_partial_update',
    summary: 'Update file upload',
  })
  @ApiOkResponse({ type: FileUploadResponse })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return serializeFileUpload(await this.multipart.replaceFromRequest(auth, id, request));
  }

  @Delete('api/import/file-upload/:id')
  @ResourceParams({ id: 'file_upload' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'api_import_file_upload_destroy', summary: 'Delete file upload' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    await this.uploads.remove([await this.uploads.get(auth, id)]);
  }
}
