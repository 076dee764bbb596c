import {
  applyDecorators,
  Controller,
  Get,
  HttpException,
  NotFoundException,
  Param,
  ParseIntPipe,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { AppConfig, ResourceParams } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { TasksService } from '@ls/tasks';
import { StorageConnectionError, StorageObjectMissingError } from '../providers/storage-provider';
import { requestedRange, sendObject, userEtag } from './object-proxy';
import { ResolvedObject, StorageResolver } from './storage-resolver';
import { decodeFileUri } from './storage-uri';

/** What a resolve route of `owner` (a task or a project) names, takes and answers. */
function ResolveRoute(owner: 'task' | 'project') {
  return applyDecorators(
    ResourceParams({ id: owner }),
    ApiOperation({
      operationId: `${owner}s_resolve_retrieve`,
      summary: `Open a storage object of a ${owner}`,
    }),
    ApiQuery({ name: 'fileuri', required: true, type: String }),
    ApiResponse({ status: 303, description: 'Redirect to a presigned URL' }),
    ApiResponse({
      status: 200,
      description: 'The object',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}

/** A storage that fails to answer: Label Studio's 424. */
class StorageFailed extends HttpException {
  constructor(message: string) {
    super({ detail: message }, 424);
  }
}

/**
 * `/tasks/{id}/resolve/` and `/projects/{id}/resolve/`: the URIs of storage objects in task data
 * (`s3://bucket/key`) opened for a caller who may see the task: a 303 to a presigned URL when the
 * storage presigns, else the bytes proxied (ranges clamped, ETag and 304).
 */
@ApiTags('Storage')
@Requires('tasks.view')
@Controller()
export class ResolveController {
  constructor(
    private readonly resolver: StorageResolver,
    private readonly tasks: TasksService,
    private readonly projects: ProjectsService,
    private readonly config: AppConfig,
  ) {}

  @Get('tasks/:id/resolve')
  @ResolveRoute('task')
  async task(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query('fileuri') fileUri: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const task = await this.tasks.get(auth, id);
    await this.open(auth, task.project_id, fileUri, request, reply);
  }

  @Get('projects/:id/resolve')
  @ResolveRoute('project')
  async project(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Query('fileuri') fileUri: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const project = await this.projects.get(auth, id);
    await this.open(auth, project.id, fileUri, request, reply);
  }

  private async open(
    auth: AuthContext,
    projectId: number,
    fileUri: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const uri = decodeFileUri(fileUri ?? '');
    if (!uri) throw new NotFoundException('fileuri is not the URI of a storage object');
    const resolved = await this.resolver.resolve(projectId, uri);
    try {
      if (resolved.storage.settings.presign !== false && (await this.redirected(resolved, reply))) {
        return;
      }
      await this.proxy(auth, resolved, request, reply);
    } catch (error) {
      if (error instanceof StorageObjectMissingError) throw new NotFoundException(error.message);
      if (error instanceof HttpException) throw error;
      throw new StorageFailed(
        error instanceof StorageConnectionError
          ? error.message
          : `Storage failed: ${(error as Error).message}`,
      );
    }
  }

  private async redirected(resolved: ResolvedObject, reply: FastifyReply): Promise<boolean> {
    const minutes = Number(resolved.storage.settings.presign_ttl) || 1;
    const url = await resolved.connection.presign(resolved.key, minutes * 60);
    if (!url) return false;
    await reply
      .status(303)
      .header('Location', url)
      .header('Cache-Control', `max-age=${minutes * 60}`)
      .send();
    return true;
  }

  private async proxy(
    auth: AuthContext,
    resolved: ResolvedObject,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const range = requestedRange(request.headers.range, this.config.RESOLVER_PROXY_MAX_RANGE_SIZE);
    // The connection's own timeout bounds each wait on the store, however long the object.
    const object = await resolved.connection.read(resolved.key, { range });
    const etag = userEtag(object.etag, auth.user.id);
    if (etag && request.headers['if-none-match'] === etag) {
      object.body.destroy();
      await reply.status(304).header('ETag', etag).send();
      return;
    }
    await sendObject(reply, resolved.key, object, etag);
  }
}
