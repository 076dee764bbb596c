import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SendOptions } from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { contentDispositionOf, servedTypeOf } from './served-content-type';
import { UploadsService } from './uploads.service';

/** The name the browser saves the file as: the stored one without its random prefix. */
const downloadNameOf = (file: string) =>
  (file.split('/').pop() ?? file).replace(/^[0-9a-f]{8}-/, '');

/**
 * What `@fastify/send` decides for us: byte ranges (206, 416) and conditional requests
 * (`If-Modified-Since`: 304), `Last-Modified`, `Content-Length`. The headers it would otherwise
 * set are ours: the type comes from the bytes, and caching is private.
 */
const SEND_OPTIONS: SendOptions = {
  acceptRanges: true,
  lastModified: true,
  contentType: false,
  cacheControl: false,
  etag: false,
  index: false,
};

/**
 * Uploaded files, to members of the organization owning their project only (anyone else gets a
 * 404, as for a file that does not exist). Nothing uploaded may run as a page of our origin: HTML,
 * SVG and XML are sent as plain-text downloads, types are told from the bytes and never sniffed
 * by the browser, and every response is a sandbox without any source.
 */
@ApiTags('Import')
@ResourceParams({ '*': 'uploaded_file' })
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
    if (typeof reply.sendFile !== 'function') {
      throw new Error('@fastify/static is not registered (configureHttpApp does it)');
    }
    // Access is checked on every request, conditional ones included.
    const served = await this.uploads.served(auth, request.params['*'] ?? '');
    const { contentType, attachment } = servedTypeOf(served.upload.file, served.head);
    void reply
      .header('Content-Type', contentType)
      .header(
        'Content-Disposition',
        contentDispositionOf(downloadNameOf(served.upload.file), attachment),
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "sandbox; default-src 'none'")
      // Checked again on every use, so a caller who left the organization stops seeing it.
      .header('Cache-Control', 'private, no-cache');
    // The reply is a thenable that settles once the response is sent: the handler must not
    // return before, or Fastify would answer an empty body while the file is being opened.
    await reply.sendFile(served.pathInRoot, served.root, SEND_OPTIONS);
  }
}
