import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { FakeModelServer } from './support/fake-model-server';
import { createMlApp, mlApiOf } from './support/ml-api';

/** `/api/ml/`: backends saved only when their server answers, their state read from it. */
describe('ML backends (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let server: FakeModelServer;
  let api: ReturnType<typeof mlApiOf>;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await createMlApp();
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    api = mlApiOf(testApp, owner);
    server = await new FakeModelServer().start();
  });

  afterAll(async () => {
    await server.close();
    await testApp.close();
  });

  beforeEach(() => {
    server.reset();
    server.calls.length = 0;
    server.modelVersion = 'v1';
  });

  it('connects on create: health, then setup with the project, and the version it reports', async () => {
    const project = await api.project();
    const created = await api.backend(project, server.url, {
      title: 'Sentiment',
      extra_params: { threshold: 0.5 },
    });
    expect(created).toMatchObject({
      project,
      url: server.url,
      title: 'Sentiment',
      state: 'CO',
      readable_state: 'Connected',
      model_version: 'v1',
      auth_method: 'NONE',
      basic_auth_pass_is_set: false,
      timeout: 100,
      auto_update: true,
      is_interactive: false,
    });
    expect(server.calls.map((call) => call.path)).toEqual(['health', 'health', 'setup']);
    const [setup] = server.callsTo('setup');
    const [{ created_at: createdAt }] = await api.query(
      'SELECT created_at FROM project WHERE id = $1',
      project,
    );
    const epoch = Math.floor(new Date(createdAt).getTime() / 1000);
    expect(setup.body).toMatchObject({
      project: `${project}.${epoch}`,
      schema: expect.stringContaining('<Choices name="sentiment"'),
      hostname: `http://localhost:${testApp.config.PORT}`,
      access_token: owner.token,
      extra_params: { threshold: 0.5 },
    });
    expect(setup.headers['user-agent']).toMatch(/^heartex\/\d+\.\d+\.\d+$/);
    expect(setup.headers.authorization).toBeUndefined();
    // a project without a model version takes the backend's title, as Label Studio does
    const stored = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(stored.body.model_version).toBe('Sentiment');
    const row = await api.query(
      'SELECT state, model_version FROM ml_backend WHERE id = $1',
      created.id,
    );
    expect(row).toEqual([{ state: 'CO', model_version: 'v1' }]);
  });

  it('refuses a server that does not answer /health (400) and saves nothing', async () => {
    const project = await api.project();
    const before = await api.count('SELECT COUNT(*) AS n FROM ml_backend');
    server.behaviour.failing.add('health');
    const broken = await http()
      .post('/api/ml/')
      .set(owner.headers)
      .send({ url: server.url, project })
      .expect(400);
    expect(broken.body.validation_errors.url[0]).toContain("Can't connect to ML backend");
    expect(broken.body.validation_errors.url[0]).toContain('500');
    const closed = await http()
      .post('/api/ml/')
      .set(owner.headers)
      .send({ url: 'http://127.0.0.1:1', project })
      .expect(400);
    expect(closed.body.validation_errors.url[0]).toContain('127.0.0.1:1');
    const notHttp = await http()
      .post('/api/ml/')
      .set(owner.headers)
      .send({ url: 'ftp://example.com', project })
      .expect(400);
    expect(notHttp.body.validation_errors.url).toEqual(['Only http and https URLs are allowed']);
    await http().post('/api/ml/').set(owner.headers).send({ project }).expect(400);
    expect(await api.count('SELECT COUNT(*) AS n FROM ml_backend')).toBe(before);
    expect(server.callsTo('setup')).toHaveLength(0);
  });

  it('keeps a backend whose setup fails in error, with the message', async () => {
    const project = await api.project();
    server.behaviour.failing.add('setup');
    const created = await api.backend(project, server.url);
    expect(created.state).toBe('ER');
    expect(created.error_message).toContain('500');
    expect(created.error_message).toContain('setup is broken');
    server.behaviour.failing.clear();
    const fixed = await http().get(`/api/ml/${created.id}`).set(owner.headers).expect(200);
    expect(fixed.body).toMatchObject({ state: 'CO', error_message: null, model_version: 'v1' });
  });

  it('refreshes every listed backend at once, and a server gone is disconnected, not a 500', async () => {
    const project = await api.project();
    const down = await new FakeModelServer().start();
    const first = await api.backend(project, server.url);
    const second = await api.backend(project, down.url);
    await down.close();
    server.behaviour.delays.set('health', 300);
    const started = Date.now();
    const listed = await http().get('/api/ml/').query({ project }).set(owner.headers).expect(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(listed.body.map((backend: { id: number }) => backend.id)).toEqual([first.id, second.id]);
    expect(listed.body[0].state).toBe('CO');
    expect(listed.body[1]).toMatchObject({ state: 'DI', readable_state: 'Disconnected' });
    expect(listed.body[1].error_message).toContain("Can't connect");
    const all = await http().get('/api/ml/').set(owner.headers).expect(200);
    expect(all.body.length).toBeGreaterThanOrEqual(2);
    await http().get('/api/ml/').query({ project: 'x' }).set(owner.headers).expect(400);
  });

  it('sends basic auth and never returns the password', async () => {
    const project = await api.project();
    const created = await api.backend(project, server.url, {
      auth_method: 'BASIC_AUTH',
      basic_auth_user: 'model',
      basic_auth_pass: 's3cret-pass',
    });
    expect(created.basic_auth_pass_is_set).toBe(true);
    expect(created.basic_auth_user).toBe('model');
    expect(JSON.stringify(created)).not.toContain('s3cret-pass');
    const expected = `Basic ${Buffer.from('model:s3cret-pass').toString('base64')}`;
    expect(server.calls.length).toBeGreaterThan(0);
    for (const call of server.calls) expect(call.headers.authorization).toBe(expected);
    const [row] = await api.query(
      'SELECT basic_auth_pass_sealed FROM ml_backend WHERE id = $1',
      created.id,
    );
    expect(row.basic_auth_pass_sealed).toMatch(/^v1:/);
    expect(row.basic_auth_pass_sealed).not.toContain('s3cret-pass');
    const read = await http().get(`/api/ml/${created.id}`).set(owner.headers).expect(200);
    expect(JSON.stringify(read.body)).not.toContain('s3cret-pass');
    expect(read.body).not.toHaveProperty('basic_auth_pass');
  });

  it('updates, then deletes a backend, clearing the project version it named', async () => {
    const project = await api.project();
    const created = await api.backend(project, server.url, { title: 'Old' });
    const patched = await http()
      .patch(`/api/ml/${created.id}`)
      .set(owner.headers)
      .send({ description: 'better', timeout: 2.5, is_interactive: true })
      .expect(200);
    expect(patched.body).toMatchObject({
      description: 'better',
      timeout: 2.5,
      is_interactive: true,
    });
    server.behaviour.failing.add('health');
    await http()
      .patch(`/api/ml/${created.id}`)
      .set(owner.headers)
      .send({ url: `${server.url}/other` })
      .expect(400);
    server.behaviour.failing.clear();
    await http().delete(`/api/ml/${created.id}`).set(owner.headers).expect(204);
    await http().get(`/api/ml/${created.id}`).set(owner.headers).expect(404);
    const stored = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(stored.body.model_version).toBe('');
  });

  it("proxies the model versions; an old or failing server gives the backend's, and why", async () => {
    const project = await api.project();
    const created = await api.backend(project, server.url);
    const versions = await http()
      .get(`/api/ml/${created.id}/versions`)
      .set(owner.headers)
      .expect(200);
    expect(versions.body).toEqual({ versions: ['v0', 'v1'] });
    server.behaviour.noVersions = true;
    const old = await http().get(`/api/ml/${created.id}/versions`).set(owner.headers).expect(200);
    expect(old.body).toEqual({
      versions: ['v1'],
      message: 'Upgrade your ML backend version to latest.',
    });
    server.behaviour.failing.add('versions');
    const failed = await http()
      .get(`/api/ml/${created.id}/versions`)
      .set(owner.headers)
      .expect(200);
    expect(failed.body.versions).toEqual(['v1']);
    expect(failed.body.message).toContain('versions is broken');
  });

  it('answers 404 to another organization on every route of a backend, 400/404 for its project', async () => {
    const project = await api.project();
    const created = await api.backend(project, server.url);
    const { id } = created;
    const routes: [string, string][] = [
      ['get', `/api/ml/${id}`],
      ['patch', `/api/ml/${id}`],
      ['delete', `/api/ml/${id}`],
      ['post', `/api/ml/${id}/interactive-annotating`],
      ['post', `/api/ml/${id}/predict`],
      ['post', `/api/ml/${id}/predict/test?random=true`],
      ['post', `/api/ml/${id}/train`],
      ['get', `/api/ml/${id}/versions`],
    ];
    server.calls.length = 0;
    for (const [method, path] of routes) {
      const agent = http();
      const request =
        method === 'get'
          ? agent.get(path)
          : method === 'patch'
            ? agent.patch(path)
            : method === 'delete'
              ? agent.delete(path)
              : agent.post(path);
      const response = await request.set(stranger.headers).send({ task: 1 });
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect(server.calls).toEqual([]);
    const foreign = await http()
      .post('/api/ml/')
      .set(stranger.headers)
      .send({ url: server.url, project })
      .expect(400);
    expect(foreign.body.validation_errors.project).toEqual([
      `Invalid pk "${project}" - object does not exist.`,
    ]);
    await http().get('/api/ml/').query({ project }).set(stranger.headers).expect(404);
    const theirs = await http().get('/api/ml/').set(stranger.headers).expect(200);
    expect(theirs.body).toEqual([]);
    await http().get(`/api/ml/${id}`).set(owner.headers).expect(200);
  });
});
