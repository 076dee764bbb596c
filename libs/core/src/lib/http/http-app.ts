import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyMultipart from '@fastify/multipart';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { SERVER_VERSION } from '../server-version';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { createValidationPipe } from './validation-pipe';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Reuses a caller's request id when it looks sane, so one id follows a request across services. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  (request as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT,
    genReqId: requestIdOf,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Label Studio API')
    .setDescription('Label Studio API served by label-studio-server')
    .setVersion(SERVER_VERSION.server)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization' }, 'Token')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Multipart bodies are parsed only when a handler reads them (`request.parts()`), one part at a
 * time, so uploaded files stream to their destination instead of being held in memory. The limits
 * are per request: a file over the total size or a file too many ends the parse with a 413.
 */
function registerMultipart(app: NestFastifyApplication, config: AppConfig): void {
  // @nestjs/platform-fastify types its instance with its own copy of fastify, which the plugin's
  // type augmentation does not reach; at run time it is the same plugin API.
  const plugin = fastifyMultipart as unknown as Parameters<NestFastifyApplication['register']>[0];
  void app.register(plugin, {
    limits: {
      fileSize: config.IMPORT_MAX_FILE_SIZE,
      files: config.IMPORT_MAX_FILES,
      // Form fields (an import's `url`, which may hold inline JSON) are kept in memory.
      fieldSize: config.HTTP_BODY_LIMIT,
      fields: 1000,
    },
  });
}

/** Global conventions of the HTTP API; the API app and the test kit both call this. */
export function configureHttpApp(app: NestFastifyApplication): void {
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  registerMultipart(app, app.get(AppConfig));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
