import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Observable } from 'rxjs';
import type { Response } from 'supertest';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { ServedRoute, servedRoutes } from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';
import { MlBackend, ModelProviderConnection, ModelRun } from '@ls/prompts';
import { CloudStorage, STORAGE_TYPES } from '@ls/storages';
import { DataSource } from 'typeorm';
import { UiModule } from '@ls/ui';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';
import { portOf, sendDeclaredBody } from './support/raw-request';

/**
 * Routes anyone may call, each with why. Every other route of the app must refuse a caller
 * without credentials: a new route joins these checks by being served.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/version': 'version document for clients and probes',
  'GET /health': 'load balancer probe; tells only up or down',
  'GET /health/jobs': 'operator probe; needs HEALTH_CHECK_TOKEN instead of a user',
  'POST /api/token/refresh': 'the refresh token in the body is the credential',
  'POST /api/token/blacklist': 'the refresh token in the body is the credential',
  'POST /api/invite/signup': 'the invitation token in the body is the credential',
  'POST /user/login':
    'the email and password in the body are the credential (limited per address and account)',
  'POST /user/logout': "ends the sent cookie's session, if any",
  'GET /user/logout': "ends the sent cookie's session, if any (a plain link)",
  'GET /user/login': 'the sign-in page',
  'GET /': 'a page: the sign-in page without a session',
  'GET /projects': 'a redirect to /',
  'GET /projects/new': 'a page: the sign-in page without a session',
  'GET /projects/:id': 'a redirect to the data page',
  'GET /projects/:id/data':
    'a page: the sign-in page without a session, 404 for a project the caller may not see',
  'GET /projects/:id/settings':
    'a page: the sign-in page without a session, 404 for a project the caller may not see',
  'GET /static/ui/*': "the pages' own scripts and stylesheet",
  'GET /static/:bundle/*': "Label Studio's frontend build (docs/frontend-bundles.md)",
};
/** The OpenAPI document and its pages. */
const PUBLIC_PREFIX = '/docs';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/></Choices></View>';

/** Records every handler that runs, to show a refused request never reached one. */
@Injectable()
class HandlerCalls implements NestInterceptor {
  readonly calls: string[] = [];

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method: string; url: string }>();
    this.calls.push(`${request.method} ${request.url}`);
    return next.handle();
  }
}

/**
 * GET routes whose answer for A also needs a query naming an object elsewhere (a storage
 * object's URI): checked for the 404 to B, not for a 200 to A.
 */
const NEEDS_QUERY_OBJECT = new Set([
  'GET /tasks/:id/resolve',
  'GET /projects/:id/resolve',
  // the project to price, the refinement to read
  'GET /api/prompts/:prompt_id/versions/:version_id/cost-estimate',
  'GET /api/prompts/:prompt_id/versions/:version_id/refine',
]);

/** Path parameters that name something global rather than an organization's object. */
const GLOBAL_NAMES: Record<string, string> = {
  action_id: 'delete_tasks',
  indicator_key: 'predictions',
  permission: 'views.drop_all',
};

const keyOf = (route: ServedRoute) => `${route.method} ${route.url}`;
const isPublic = (route: ServedRoute) =>
  keyOf(route) in PUBLIC_ROUTES || route.url.startsWith(PUBLIC_PREFIX);
const paramsOf = (url: string) => [...url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*');

describe('security: every route of the app (e2e)', () => {
  let testApp: TestApp;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  let routes: ServedRoute[];
  /** An existing object of organization A for each kind of path parameter. */
  const objectsOfA: Record<string, string> = {};
  const handlerCalls = new HandlerCalls();

  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [...DOMAIN_MODULES, ...HTTP_MODULES, UiModule],
      providers: [{ provide: APP_INTERCEPTOR, useValue: handlerCalls }],
    });
    ownerA = await createAccount(testApp.app, { organizationTitle: 'A' });
    ownerB = await createAccount(testApp.app, { organizationTitle: 'B' });
    routes = servedRoutes(testApp.app).filter((route) => route.method !== 'HEAD');
    Object.assign(objectsOfA, await createObjects(testApp, ownerA));
  }, 60_000);

  afterAll(() => testApp.close());

  /** The route's path with each parameter replaced by organization A's object of its kind. */
  function pathOf(route: ServedRoute, problems: string[]): string | null {
    let path = route.url;
    for (const param of paramsOf(route.url)) {
      if (param in GLOBAL_NAMES) {
        path = path.replace(`:${param}`, GLOBAL_NAMES[param]);
        continue;
      }
      const kind = route.policy.resources?.[param];
      const value = kind ? objectsOfA[kind] : undefined;
      if (!kind) problems.push(`${keyOf(route)}: say what :${param} names with @ResourceParams`);
      else if (value === undefined) problems.push(`${keyOf(route)}: no test object of "${kind}"`);
      if (value === undefined) return null;
      path = path.replace(param === '*' ? '*' : `:${param}`, value);
    }
    return path;
  }

  const call = (method: string, path: string) => {
    const agent = testApp.http();
    const request =
      method === 'GET'
        ? agent.get(path)
        : method === 'POST'
          ? agent.post(path)
          : method === 'PUT'
            ? agent.put(path)
            : method === 'PATCH'
              ? agent.patch(path)
              : agent.delete(path);
    return BODY_METHODS.has(method) ? request.send({}) : request;
  };

  it('serves the routes it is meant to', () => {
    expect(routes.length).toBeGreaterThan(90);
    for (const key of Object.keys(PUBLIC_ROUTES)) {
      expect(routes.map(keyOf)).toContain(key);
    }
  });

  it('refuses every route but the public ones without credentials (401)', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((candidate) => !isPublic(candidate))) {
      const path = pathOf(route, problems);
      if (path === null) continue;
      const response = await call(route.method, path);
      if (response.status !== 401) problems.push(`${keyOf(route)}: ${response.status}`);
      else if (response.body.detail !== 'Authentication credentials were not provided.') {
        problems.push(`${keyOf(route)}: 401 with "${response.body.detail}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers 404 to another organization for every route naming one of A's objects", async () => {
    const problems: string[] = [];
    const namesObject = (param: string) => !(param in GLOBAL_NAMES);
    const byId = routes.filter(
      (route) => paramsOf(route.url).some(namesObject) && !isPublic(route),
    );
    expect(byId.length).toBeGreaterThan(40);
    for (const route of byId) {
      const path = pathOf(route, problems);
      if (path === null) continue;
      const response = await call(route.method, path).set(ownerB.headers);
      if (response.status !== 404) problems.push(`${keyOf(route)}: ${response.status}`);
    }
    expect(problems).toEqual([]);
    // Nothing of A was touched on the way: its objects are all still there.
    const gets = byId.filter(
      (candidate) => candidate.method === 'GET' && !NEEDS_QUERY_OBJECT.has(keyOf(candidate)),
    );
    for (const route of gets) {
      const path = pathOf(route, problems);
      if (path === null || route.url.includes('*')) continue;
      const response = await call('GET', path).set(ownerA.headers);
      if (response.status !== 200) problems.push(`${keyOf(route)} for A: ${response.status}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses a body over the route limit with 413 before any handler runs', async () => {
    const port = await portOf(testApp.app.getHttpServer());
    const problems: string[] = [];
    const withBodies = routes.filter((route) => BODY_METHODS.has(route.method));
    expect(withBodies.length).toBeGreaterThan(40);
    handlerCalls.calls.length = 0;
    for (const route of withBodies) {
      const path = pathOf(route, problems);
      if (path === null) continue;
      const answer = await sendDeclaredBody(port, {
        method: route.method,
        path,
        declaredBytes: route.bodyLimit + 1,
        headers: ownerA.headers,
      });
      if (answer.status !== 413) problems.push(`${keyOf(route)}: ${answer.status}`);
    }
    expect(problems).toEqual([]);
    expect(handlerCalls.calls).toEqual([]);
  });
});

/** One object of every kind a route path can name, made through the API as a user would. */
async function createObjects(
  testApp: TestApp,
  owner: TestAccount,
): Promise<Record<string, string>> {
  const http = () => testApp.http();
  const created = async (request: PromiseLike<Response>) => {
    const response = await request;
    if (response.status >= 300) {
      throw new Error(`fixture failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  const project = await created(
    http()
      .post('/api/projects')
      .set(owner.headers)
      .send({ title: 'Fixtures', label_config: CONFIG }),
  );
  const imported = await created(
    http()
      .post(`/api/projects/${project.id}/import?commit_to_project=false`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\nhello\n'), 'tasks.csv'),
  );
  const [fileUploadId] = imported.file_upload_ids as number[];
  const reimported = await created(
    http()
      .post(`/api/projects/${project.id}/reimport`)
      .set(owner.headers)
      .send({ file_upload_ids: [fileUploadId], files_as_tasks_list: true }),
  );
  const fileUpload = await created(
    http().get(`/api/import/file-upload/${fileUploadId}`).set(owner.headers),
  );
  const task = await created(
    http()
      .post('/api/tasks')
      .set(owner.headers)
      .send({ project: project.id, data: { text: 'x' } }),
  );
  const result = [
    {
      from_name: 'sentiment',
      to_name: 'text',
      type: 'choices',
      value: { choices: ['Positive'] },
    },
  ];
  const annotation = await created(
    http().post(`/api/tasks/${task.id}/annotations`).set(owner.headers).send({ result }),
  );
  const prediction = await created(
    http().post('/api/predictions').set(owner.headers).send({ task: task.id, result, score: 0.5 }),
  );
  const draft = await created(
    http().post(`/api/tasks/${task.id}/drafts`).set(owner.headers).send({ result }),
  );
  const labels = await created(
    http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([
        { title: 'Positive', value: 'Positive', from_name: 'sentiment', project: project.id },
      ]),
  );
  const links = await created(
    http().get(`/api/label_links/?project=${project.id}`).set(owner.headers),
  );
  const view = await created(
    http().post('/api/dm/views/').set(owner.headers).send({ project: project.id, data: {} }),
  );
  const snapshot = await created(
    http().post(`/api/projects/${project.id}/exports/`).set(owner.headers).send({}),
  );
  const member = await createAccount(testApp.app, { organizationId: owner.organizationId });
  // Storages are saved as rows: creating them through the API would need every provider's
  // server (S3, STS, Redis) reachable from this suite.
  const storages = testApp.app.get(DataSource).getRepository(CloudStorage);
  const storageKinds: Record<string, string> = {};
  for (const type of STORAGE_TYPES.map(({ type }) => type)) {
    for (const direction of ['import', 'export'] as const) {
      const storage = await storages.save(
        storages.create({
          project_id: project.id,
          direction,
          type,
          title: null,
          description: null,
          settings: {},
          sealed_secrets: null,
          meta: {},
          sync_marker: null,
        }),
      );
      const kind = direction === 'import' ? `storage_${type}` : `export_storage_${type}`;
      storageKinds[kind] = String(storage.id);
    }
  }
  // An ML backend is saved as a row too: creating one needs a model server answering /health.
  // Its address answers nothing, so reads show it disconnected.
  const backends = testApp.app.get(DataSource).getRepository(MlBackend);
  const backend = await backends.save(
    backends.create({ project_id: project.id, url: 'http://127.0.0.1:9', title: 'Fixture' }),
  );
  // A provider connection is saved only when its provider accepts the key: a row here too.
  const connections = testApp.app.get(DataSource).getRepository(ModelProviderConnection);
  const connection = await connections.save(
    connections.create({
      organization_id: owner.organizationId,
      created_by_id: owner.userId,
      provider: 'OpenAI',
      scope: 'Organization',
      cached_available_models: 'gpt-4o',
    }),
  );
  const prompt = await created(
    http().post('/api/prompts/').set(owner.headers).send({ title: 'Fixture' }),
  );
  const promptVersion = await created(
    http()
      .post(`/api/prompts/${prompt.id}/versions`)
      .set(owner.headers)
      .send({ title: 'Fixture v1', prompt: 'Classify', provider_model_id: 'gpt-4o' }),
  );
  // A finished run as a row: starting one queues a provider job.
  const runs = testApp.app.get(DataSource).getRepository(ModelRun);
  const modelRun = await runs.save(
    runs.create({
      organization_id: owner.organizationId,
      prompt_id: prompt.id,
      version_id: promptVersion.id,
      project_id: project.id,
      status: 'Completed',
    }),
  );
  const webhook = await created(
    http()
      .post('/api/webhooks/')
      .set(owner.headers)
      .send({ url: 'https://hooks.example.com/fixture', project: project.id }),
  );
  const org = `/api/organizations/${owner.organizationId}`;
  await created(
    http()
      .post(`${org}/permissions`)
      .set(owner.headers)
      .send({ permission: 'views.drop_all', roles: ['AD', 'MA'] }),
  );
  const workspace = await created(
    http().post('/api/workspaces/').set(owner.headers).send({ title: 'Fixture' }),
  );
  const tag = await created(
    http().post(`${org}/member-tags`).set(owner.headers).send({ label: 'fixture' }),
  );
  const tagImport = await created(
    http()
      .post(`${org}/member-tags/imports`)
      .set(owner.headers)
      .attach('file', Buffer.from(`email,tags\n${member.email},fixture\n`), 'tags.csv'),
  );
  await created(
    http()
      .post(`/api/projects/${project.id}/members/`)
      .set(owner.headers)
      .send({ user: member.userId }),
  );
  const pause = await created(
    http()
      .post(`/api/projects/${project.id}/members/${member.userId}/pauses/`)
      .set(owner.headers)
      .send({ reason: 'MANUAL', verbose_reason: 'fixture' }),
  );
  const projectRole = await created(
    http()
      .post('/api/projects/roles/')
      .set(owner.headers)
      .send({ project: project.id, user: member.userId, role: 'RE' }),
  );
  return {
    ...storageKinds,
    workspace: String(workspace.id),
    member_tag: String(tag.id),
    member_tag_import: String(tagImport.import),
    pause: String(pause.id),
    project_role: String(projectRole.id),
    ml_backend: String(backend.id),
    model_provider_connection: String(connection.id),
    prompt: String(prompt.id),
    prompt_version: String(promptVersion.id),
    model_run: String(modelRun.id),
    webhook: String(webhook.id),
    organization: String(owner.organizationId),
    user: String(member.userId),
    project: String(project.id),
    task: String(task.id),
    annotation: String(annotation.id),
    prediction: String(prediction.id),
    draft: String(draft.id),
    label: String(labels.results[0].id),
    label_link: String((links.results ?? links)[0].id),
    file_upload: String(fileUploadId),
    uploaded_file: String(fileUpload.file).replace(/^upload\//, ''),
    import: String(imported.import),
    reimport: String(reimported.reimport),
    view: String(view.id),
    export: String(snapshot.id),
  };
}
