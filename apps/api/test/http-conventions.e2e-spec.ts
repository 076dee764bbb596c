import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CoreHttpModule, PageQuery, pageWindow, requestUrlOf, toPage } from '@ls/core';
import { createTestApp, expectContract, TestApp } from '@ls/core/testing';
import { VersionModule } from '../src/version/version.module';

class ThingQuery extends PageQuery {
  @IsOptional()
  @IsIn(['id', '-id'])
  ordering?: string;
}

class CreateThing {
  @IsString()
  @MinLength(3)
  title!: string;

  @IsInt()
  @Min(1)
  maximum_annotations!: number;
}

const OPERATOR_TOKEN = 'operator-token-0123456789';

const THINGS = Array.from({ length: 25 }, (_, i) => ({ id: i + 1 }));

@Controller('api/test-things')
class ThingsController {
  @Get()
  list(@Query() query: ThingQuery, @Req() request: FastifyRequest) {
    const window = pageWindow(query, { defaultSize: 10, maxSize: 20 });
    const rows = THINGS.slice(window.offset, window.offset + window.size);
    return toPage(rows, THINGS.length, window, requestUrlOf(request));
  }

  @Post()
  create(@Body() body: CreateThing) {
    return body;
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Body() body: unknown) {
    if (body !== undefined) throw new BadRequestException('A DELETE reads no body');
  }

  @Get('boom')
  boom() {
    throw new Error('secret internals');
  }

  @Get('missing')
  missing() {
    throw new NotFoundException();
  }
}

function expectErrorBody(body: Record<string, unknown>, status: number): void {
  expect(body).toMatchObject({ status_code: status, exc_info: null, version: expect.any(String) });
  expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof body.detail).toBe('string');
}

describe('HTTP conventions (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [CoreHttpModule, VersionModule],
      controllers: [ThingsController],
      env: { HEALTH_CHECK_TOKEN: OPERATOR_TOKEN },
    });
  });

  afterAll(() => testApp.close());

  it.each(['/api/version', '/api/version/'])(
    'GET %s answers the documented version fields',
    async (path) => {
      const response = await testApp.http().get(path).expect(200);
      expectContract('VersionResponse', response.body);
      expect(response.body.edition).toBe('Community');
      expect(response.body.release).toMatch(/^\d+\.\d+\.\d+/);
    },
  );

  it('GET /health reports the database and the queue', async () => {
    const response = await testApp.http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { status: 'ok', dialect: process.env.DATABASE_URL ? 'postgres' : 'sqlite' },
      queue: { status: 'ok', mode: process.env.REDIS_URL ? 'redis' : 'in-process' },
    });
  });

  it('GET /health/jobs sends a job through the queue and back', async () => {
    const response = await testApp
      .http()
      .get('/health/jobs')
      .set('Authorization', `Bearer ${OPERATOR_TOKEN}`)
      .expect(200);
    expect(response.body).toMatchObject({ status: 'ok', job_status: 'completed' });
    expect(response.body.processed_by.pid).toBe(process.pid);
  });

  it('answers malformed JSON with a 400 error body', async () => {
    const response = await testApp
      .http()
      .post('/api/test-things')
      .set('content-type', 'application/json')
      .send('{bad')
      .expect(400);
    expectErrorBody(response.body, 400);
  });

  it.each([
    [
      'a form body to a GET-only route',
      '/api/version',
      'application/x-www-form-urlencoded',
      '{bad',
    ],
    ['an unsupported content type', '/api/test-things', 'application/x-unknown', 'x'],
    ['an empty JSON body', '/api/test-things', 'application/json', ''],
  ])('answers %s with a 4xx JSON error', async (_case, path, contentType, body) => {
    const response = await testApp.http().post(path).set('content-type', contentType).send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expectErrorBody(response.body, response.status);
  });

  it('reads a JSON content type without a body as no body (the frontend sends one on DELETE)', async () => {
    const fastify = testApp.app.getHttpAdapter().getInstance();
    for (const headers of [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'content-length': '0' },
    ]) {
      const answer = await fastify.inject({ method: 'DELETE', url: '/api/test-things/3', headers });
      expect(answer.statusCode).toBe(204);
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await testApp.http().get('/api/no-such-thing').expect(404);
    expectErrorBody(response.body, 404);
  });

  it('names each bad field in a validation error', async () => {
    const response = await testApp
      .http()
      .post('/api/test-things')
      .send({ title: 'ab', maximum_annotations: 0 })
      .expect(400);
    expectErrorBody(response.body, 400);
    expect(response.body.detail).toBe('Validation error');
    expect(Object.keys(response.body.validation_errors).sort()).toEqual([
      'maximum_annotations',
      'title',
    ]);
    expect(response.body.validation_errors.title[0]).toMatch(
      /title must be longer than or equal to 3/,
    );
  });

  it('accepts a valid body with or without the trailing slash and drops unknown fields', async () => {
    for (const path of ['/api/test-things', '/api/test-things/']) {
      const response = await testApp
        .http()
        .post(path)
        .send({ title: 'abc', maximum_annotations: 2, unknown: true })
        .expect(201);
      expect(response.body).toEqual({ title: 'abc', maximum_annotations: 2 });
    }
  });

  it('keeps the detail of a 404 raised by a handler', async () => {
    const response = await testApp.http().get('/api/test-things/missing').expect(404);
    expect(response.body.detail).toBe('Not found.');
  });

  it('turns an unexpected error into a 500 that leaks nothing', async () => {
    const response = await testApp.http().get('/api/test-things/boom').expect(500);
    expectErrorBody(response.body, 500);
    expect(JSON.stringify(response.body)).not.toContain('secret internals');
  });

  it('echoes a given request id and makes one otherwise', async () => {
    const given = await testApp.http().get('/api/version').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await testApp.http().get('/api/version');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('paginates with count, next and previous links', async () => {
    const response = await testApp.http().get('/api/test-things?page=2&page_size=10&ordering=id');
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(25);
    expect(response.body.results.map((row: { id: number }) => row.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 11),
    );
    expect(new URL(response.body.next).search).toBe('?page=3&page_size=10&ordering=id');
    expect(new URL(response.body.previous).search).toBe('?page_size=10&ordering=id');
  });

  it('answers a page past the end with 404 and a bad page number with 400', async () => {
    const past = await testApp.http().get('/api/test-things?page=4&page_size=10').expect(404);
    expect(past.body.detail).toBe('Invalid page.');
    const bad = await testApp.http().get('/api/test-things?page=0').expect(400);
    expect(Object.keys(bad.body.validation_errors)).toEqual(['page']);
  });

  it('serves its OpenAPI document and the docs UI', async () => {
    const document = await testApp.http().get('/docs-json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    const operations = Object.values(document.body.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(operations).toContain('api_version_retrieve');
    const ui = await testApp.http().get('/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.text).toContain('swagger');
  });
});
