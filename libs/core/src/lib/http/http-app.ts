import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { SERVER_VERSION } from '../server-version';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { installRequestGate } from './request-gate';
import { createValidationPipe } from './validation-pipe';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Where the OpenAPI pages are served; anyone may read them. */
const OPENAPI_PATH = 'docs';

/** Reuses a caller's request id when it looks sane, so one id follows a request across services. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  (request as IncomingMessage & { id?: string }).id = id;
  return id;
}

/** `TRUSTED_PROXIES` as Fastify takes it: addresses and CIDR blocks, or nothing. */
export function trustedProxiesOf(config: AppConfig): string[] | undefined {
  const entries = config.TRUSTED_PROXIES.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length > 0 ? entries : undefined;
}

export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT,
    genReqId: requestIdOf,
    // X-Forwarded-* headers are believed only from the proxies an operator names.
    trustProxy: trustedProxiesOf(config) ?? false,
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

/** Text fields of a multipart form are held in memory: each is small, and there are few. */
export const MULTIPART_FIELD_LIMIT = 1024 * 1024;
const MULTIPART_MAX_FIELDS = 100;

/**
 * Multipart bodies are parsed only when a handler reads them (`request.parts()`), one part at a
 * time, so uploaded files stream to their destination instead of being held in memory. The limits
 * are per request: a file over the total size or a file too many ends the parse with a 413; the
 * whole request is also capped by the route's body limit (checked by the request gate).
 */
function registerMultipart(app: NestFastifyApplication, config: AppConfig): void {
  // @nestjs/platform-fastify types its instance with its own copy of fastify, which the plugin's
  // type augmentation does not reach; at run time it is the same plugin API.
  const plugin = fastifyMultipart as unknown as Parameters<NestFastifyApplication['register']>[0];
  void app.register(plugin, {
    limits: {
      fileSize: config.IMPORT_MAX_FILE_SIZE,
      files: config.IMPORT_MAX_FILES,
      fieldSize: MULTIPART_FIELD_LIMIT,
      fields: MULTIPART_MAX_FIELDS,
      parts: config.IMPORT_MAX_FILES + MULTIPART_MAX_FIELDS,
    },
  });
}

/**
 * `reply.sendFile` (`@fastify/static`, byte ranges and conditional requests) for handlers that
 * serve files they have checked; no route of its own serves a folder.
 */
function registerFileSending(app: NestFastifyApplication): void {
  const plugin = fastifyStatic as unknown as Parameters<NestFastifyApplication['register']>[0];
  void app.register(plugin, { serve: false });
}

/** Global conventions of the HTTP API; the API app and the test kit both call this. */
export function configureHttpApp(app: NestFastifyApplication): void {
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  const config = app.get(AppConfig);
  registerMultipart(app, config);
  registerFileSending(app);
  installRequestGate(app, config, [`/${OPENAPI_PATH}`]);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  SwaggerModule.setup(OPENAPI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
