import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from '@ls/auth';
import { configureHttpApp, createHttpAdapter, loadConfig } from '@ls/core';
import { EmbeddedAppModule, LABELING_PREFIX } from '../src/embedded-app.module';

const CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="c" toName="text"><Choice value="A"/></Choices></View>';

/** Every file of the example, to show it uses the libraries as packages only. */
function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('a NestJS app that embeds the projects and tasks libraries (e2e)', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let headers: { Authorization: string };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'embed-projects-'));
    const config = loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [EmbeddedAppModule.register(config)],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config));
    configureHttpApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const account = await app.get(AccountsService).create({
      email: 'owner@example.com',
      password: 'a long password',
      organizationTitle: 'Embedding team',
    });
    headers = { Authorization: `Token ${account.token}` };
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it('imports the libraries as built packages, never their sources', () => {
    const files = sourcesOf(join(__dirname, '..', 'src')).concat(sourcesOf(__dirname));
    for (const file of files) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/from '[^']*libs\//);
    }
    for (const library of ['core', 'auth', 'projects', 'tasks']) {
      expect(require.resolve(`@ls/${library}`)).toMatch(
        new RegExp(`dist[/\\\\]libs[/\\\\]${library}[/\\\\]index\\.js$`),
      );
    }
  });

  it('serves its own route beside the mounted ones', async () => {
    const hello = await http().get('/hello').expect(200);
    expect(hello.body).toEqual({ app: 'embed-projects', mounted: '/labeling' });
    await http().get('/api/projects').set(headers).expect(404);
    await http().get(`/${LABELING_PREFIX}/api/projects`).expect(401);
  });

  it('creates a project and a task through the mounted routes, on SQLite', async () => {
    const project = await http()
      .post(`/${LABELING_PREFIX}/api/projects`)
      .set(headers)
      .send({ title: 'Embedded project', label_config: CONFIG })
      .expect(201);
    const task = await http()
      .post(`/${LABELING_PREFIX}/api/tasks`)
      .set(headers)
      .send({ project: project.body.id, data: { text: 'hello' } })
      .expect(201);
    const fetched = await http()
      .get(`/${LABELING_PREFIX}/api/tasks/${task.body.id}`)
      .set(headers)
      .expect(200);
    expect(fetched.body).toMatchObject({ project: project.body.id, data: { text: 'hello' } });

    const db = app.get(DataSource);
    expect(db.options.type).toBe('better-sqlite3');
    const [stored] = await db.query('SELECT title FROM project WHERE id = ?', [project.body.id]);
    expect(stored.title).toBe('Embedded project');
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM task WHERE project_id = ?', [
      project.body.id,
    ]);
    expect(Number(n)).toBe(1);
  });
});
