import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext } from '@ls/auth';
import { AppConfig } from '@ls/core';
import { activityEntryOf } from './activity-entry';
import { ActivityLogBuffer } from './activity-log-buffer';

type AuthenticatedRequest = FastifyRequest & { auth?: AuthContext };

/**
 * Records write requests as they are answered: a Fastify `onResponse` hook sees every request
 * once its final status is sent, refused ones included (a guard's 403, a validation 400, a 404, an
 * error's 500), which a Nest interceptor would not. The hook only builds the entry and hands it to
 * the buffer; nothing waits on the database.
 */
@Injectable()
export class ActivityLogRecorder implements OnModuleInit {
  private readonly logger = new Logger(ActivityLogRecorder.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly buffer: ActivityLogBuffer,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.ACTIVITY_LOG) return;
    const instance = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (typeof instance?.addHook !== 'function') {
      this.logger.warn('No Fastify HTTP server: the activity log records nothing');
      return;
    }
    instance.addHook('onResponse', (request, reply, done) => {
      this.record(request as AuthenticatedRequest, reply);
      done();
    });
  }

  private record(request: AuthenticatedRequest, reply: FastifyReply): void {
    try {
      const entry = activityEntryOf(request, reply.statusCode, reply.elapsedTime);
      if (entry) this.buffer.add(entry);
    } catch (error) {
      this.logger.warn({ err: error }, 'Activity log entry not recorded');
    }
  }
}
