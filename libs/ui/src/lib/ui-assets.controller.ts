import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { SendOptions } from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@ls/core';
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

  @Get('ui/*')
  async own(@Param('*') path: string, @Res() reply: FastifyReply): Promise<void> {
    await this.sendFrom(this.files.own, path, reply);
  }

  @Get(':bundle/*')
  async bundle(
    @Param('bundle') bundle: string,
    @Param('*') path: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!BUNDLE_FOLDERS.has(bundle) || path.endsWith('.map'))
      throw new NotFoundException('Not found.');
    await this.sendFrom(`${this.files.bundles}/${bundle}`, path, reply);
  }

  private async sendFrom(root: string, path: string, reply: FastifyReply): Promise<void> {
    if (!isServablePath(path)) throw new NotFoundException('Not found.');
    void reply.header('cache-control', CACHE).header('x-content-type-options', 'nosniff');
    await reply.sendFile(path, root, SEND_OPTIONS);
  }
}
