import { join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { SendOptions } from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@ls/core';
import { CompressedFiles } from './compressed-files';
import { FrontendFiles, isServablePath, locateFrontendFiles } from './frontend-files';

const BUNDLE_FOLDERS = new Set(['dm', 'lsf']);
/** The bundles change only with the pinned package version; our own files with a release. */
const CACHE = 'public, max-age=3600';
/** Our Cache-Control stays; byte ranges and ETags come from the file sender. */
const SEND_OPTIONS: SendOptions = { cacheControl: false, dotfiles: 'deny' };

/**
 * The frontend bundles (`/static/dm/...`, `/static/lsf/...`: the data manager and the editor,
 * with the chunk and WebAssembly file beside the editor's `main.js`, where webpack's automatic
 * public path looks for them) and this library's scripts (`/static/ui/...`). Files only; byte
 * ranges and conditional requests through `reply.sendFile`.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('static')
export class UiAssetsController {
  private readonly files: FrontendFiles = locateFrontendFiles();
  private readonly compressed = new CompressedFiles();

  @Get('ui/*')
  async own(
    @Param('*') path: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.sendFrom(this.files.own, path, request, reply);
  }

  @Get(':bundle/*')
  async bundle(
    @Param('bundle') bundle: string,
    @Param('*') path: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!BUNDLE_FOLDERS.has(bundle) || path.endsWith('.map')) {
      throw new NotFoundException('Not found.');
    }
    await this.sendFrom(join(this.files.bundles, bundle), path, request, reply);
  }

  /**
   * The file, gzipped when the browser takes it and the type is worth it (no byte ranges then),
   * else as it is through `reply.sendFile` (ranges, conditional requests).
   */
  private async sendFrom(
    root: string,
    path: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    if (!isServablePath(path)) throw new NotFoundException('Not found.');
    void reply
      .header('cache-control', CACHE)
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'accept-encoding');
    const compressed = acceptsGzip(request)
      ? await this.compressed.get(join(root, path)).catch(() => null)
      : null;
    if (!compressed) {
      await reply.sendFile(path, root, SEND_OPTIONS);
      return;
    }
    void reply.header('etag', compressed.etag);
    if (request.headers['if-none-match'] === compressed.etag) {
      await reply.status(304).send();
      return;
    }
    await reply
      .header('content-encoding', 'gzip')
      .type(compressed.contentType)
      .send(compressed.body);
  }
}

function acceptsGzip(request: FastifyRequest): boolean {
  const accepted = request.headers['accept-encoding'];
  return typeof accepted === 'string' && /\bgzip\b/.test(accepted);
}
