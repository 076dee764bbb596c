import { Controller, ForbiddenException, Get, NotFoundException, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SendOptions } from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { AppConfig } from '@ls/core';
import { contentDispositionOf, servedTypeOf, SNIFF_BYTES } from '../../uploads/served-content-type';
import { servedLocalFile } from '../providers/localfiles/served-local-file';
import { CloudStoragesService } from '../storages/cloud-storages.service';

/** Ranges, conditional requests and a weak ETag by `@fastify/send`; the type is ours. */
const SEND_OPTIONS: SendOptions = {
  acceptRanges: true,
  lastModified: true,
  etag: true,
  contentType: false,
  cacheControl: false,
  index: false,
  dotfiles: 'allow',
};

/**
 * `GET /data/local-files/?d=<path under LOCAL_FILES_DOCUMENT_ROOT>`: a file of a local files
 * import storage of one of the caller's organization's projects, when serving is enabled.
 */
@ApiTags('Storage: Local')
@Requires('tasks.view')
@Controller('data/local-files')
export class LocalFilesController {
  constructor(
    private readonly storages: CloudStoragesService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'data_local_files_retrieve', summary: 'Download a local file' })
  @ApiQuery({ name: 'd', required: true, type: String })
  @ApiOkResponse({
    description: 'The file (ranges and conditional requests answered)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Query('d') d: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const enabled = this.config.LOCAL_FILES_SERVING_ENABLED;
    const decision = await servedLocalFile({
      d: typeof d === 'string' ? d : null,
      documentRoot: this.config.LOCAL_FILES_DOCUMENT_ROOT,
      servingEnabled: enabled,
      storagePaths: enabled ? await this.storages.localFilesPaths(auth) : [],
    });
    if (decision.status === 403) throw new ForbiddenException(decision.message || undefined);
    if (decision.status === 404) throw new NotFoundException();
    const { contentType, attachment } = servedTypeOf(decision.path, await headOf(decision.path));
    void reply
      .header('Content-Type', contentType)
      .header('Content-Disposition', contentDispositionOf(basename(decision.path), attachment))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "sandbox; default-src 'none'")
      .header('Cache-Control', 'private, no-cache');
    await reply.sendFile(basename(decision.path), dirname(decision.path), SEND_OPTIONS);
  }
}

async function headOf(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
