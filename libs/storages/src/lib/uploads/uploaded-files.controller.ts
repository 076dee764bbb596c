import { createReadStream } from 'node:fs';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth } from '@ls/auth';
import { ResourceParams } from '@ls/core';
import { byteRangeOf } from './byte-range';
import { contentDispositionOf, servedTypeOf } from './served-content-type';
import { UploadsService } from './uploads.service';

/** The name the browser saves the file as: the stored one without its random prefix. */
const downloadNameOf = (file: string) =>
  (file.split('/').pop() ?? file).replace(/^[0-9a-f]{8}-/, '');

/** Whether the browser's copy, from `If-Modified-Since`, is still the file's content. */
function notModifiedSince(header: string | undefined, modifiedAt: Date): boolean {
  const since = header ? Date.parse(header) : Number.NaN;
  return !Number.isNaN(since) && Math.floor(modifiedAt.getTime() / 1000) * 1000 <= since;
}

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
  @ApiParam({ name: 'path', type: String, description: '`<project>/<8 hex>-<name>`' })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Req() request: FastifyRequest<{ Params: { '*'?: string } }>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
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
      .header('Cache-Control', 'private, no-cache')
      .header('Last-Modified', served.modifiedAt.toUTCString())
      .header('Accept-Ranges', 'bytes');
    if (notModifiedSince(request.headers['if-modified-since'], served.modifiedAt)) {
      void reply.code(304).send();
      return;
    }
    const range = byteRangeOf(request.headers.range, served.size);
    if (range === 'unsatisfiable') {
      void reply.code(416).header('Content-Range', `bytes */${served.size}`).send();
      return;
    }
    if (range) {
      void reply
        .code(206)
        .header('Content-Range', `bytes ${range.start}-${range.end}/${served.size}`)
        .header('Content-Length', range.end - range.start + 1)
        .send(createReadStream(served.path, range));
      return;
    }
    void reply.code(200).header('Content-Length', served.size).send(createReadStream(served.path));
  }
}
