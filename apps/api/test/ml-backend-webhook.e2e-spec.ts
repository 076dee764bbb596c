import { createAccount, TestAccount } from '@ls/auth/testing';
import { createTestApp, TestApp } from '@ls/core/testing';
import { eventually, Receiver } from '@ls/webhooks/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="A"/></Choices></View>`;

/**
 * The two libraries of issue 16 together, as the app composes them: an ML backend keeps a
 * project webhook to its model server's `/webhook` (through the `ProjectWebhooks` port, without
 * importing the webhooks library), which then gets the project's events; deleting the backend
 * removes it.
 */
describe('an ML backend subscribes its model server to the project (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  const modelServer = new Receiver();

  const http = () => testApp.http();

  beforeAll(async () => {
    await modelServer.start();
    modelServer.bodyOf = (request) =>
      request.path === '/health'
        ? { status: 'UP', model_class: 'Fixture' }
        : request.path === '/setup'
          ? { model_version: 'v1' }
          : {};
    testApp = await createTestApp({
      imports: [...DOMAIN_MODULES, ...HTTP_MODULES],
      env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', OUTBOX_POLL_MS: '200' },
    });
    owner = await createAccount(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
    await modelServer.stop();
  });

  it('creates the webhook with the backend, delivers to it, removes it with the backend', async () => {
    const project = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Model', label_config: CONFIG })
        .expect(201)
    ).body.id as number;
    const backend = (
      await http()
        .post('/api/ml/')
        .set(owner.headers)
        .send({ project, url: modelServer.url('') })
        .expect(201)
    ).body.id as number;
    const hooks = (
      await http().get('/api/webhooks/').query({ project }).set(owner.headers).expect(200)
    ).body as { url: string; send_for_all_actions: boolean; send_payload: boolean }[];
    expect(hooks).toMatchObject([
      { url: modelServer.url('/webhook'), send_for_all_actions: true, send_payload: true },
    ]);

    await http()
      .post('/api/tasks/')
      .set(owner.headers)
      .send({ project, data: { text: 'for the model' } })
      .expect(201);
    await eventually(() =>
      expect(modelServer.received('TASKS_CREATED', '/webhook')).toHaveLength(1),
    );

    await http().delete(`/api/ml/${backend}`).set(owner.headers).expect(204);
    expect(
      (await http().get('/api/webhooks/').query({ project }).set(owner.headers).expect(200)).body,
    ).toEqual([]);
  });
});
