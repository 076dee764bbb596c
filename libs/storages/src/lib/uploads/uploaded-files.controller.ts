import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { sendStoredFile } from '../files/stored-file-reply';
import { contentDispositionOf, servedTypeOf } from './served-content-type';
import { downloadNameOf } from './upload-file-store';
import { UploadsService } from './uploads.service';

/**
 * Uploaded files, to members of the organization owning their project only (anyone else gets a
 * 404, as for a file that does not exist). Nothing uploaded may run as a page of our origin: HTML,
 * SVG and XML are sent as plain-text downloads, types are told from the bytes and never sniffed
 * by the browser, and every response is a sandbox without any source. Byte ranges (206, 416) and
 * `If-Modified-Since` (304) are answered; with `UPLOADS_PRESIGN` and a bucket, a 303 sends the
 * caller to a presigned URL of the object instead, its type and disposition set the same way.
 */
@ApiTags('Import')
@ResourceParams({ '*': 'uploaded_file' })
@Requires('tasks.view')
@Controller('data/upload')
export class UploadedFilesController {
  constructor(private readonly uploads: UploadsService) {}

  @Get('*')
  @ApiOperation({ operationId: 'data_upload_retrieve', summary: 'Download file' })
  @ApiOkResponse({
    description: 'The file, with its content type (ranges and conditional requests answered)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiParam({ name: 'path', type: String, description: '`<project>/<8 hex>-<name>`' })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Req() request: FastifyRequest<{ Params: { '*'?: string } }>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Access is checked on every request, conditional ones included.
    const served = await this.uploads.served(auth, request.params['*'] ?? '');
    // Checked again on every use, so a caller who left the organization stops seeing it.
    void reply.header('Cache-Control', 'private, no-cache');
    const presigned = await this.uploads.presignedUrl(served);
    if (presigned) {
      await reply.redirect(presigned, 303);
      return;
    }
    const { contentType, attachment } = servedTypeOf(served.upload.file, served.file.head);
    void reply
      .header('Content-Type', contentType)
      .header(
        'Content-Disposition',
        contentDispositionOf(downloadNameOf(served.upload.file), attachment),
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "sandbox; default-src 'none'");
    await sendStoredFile(request, reply, served.file, (span) =>
      this.uploads.read(served.upload, span),
    );
  }
}
