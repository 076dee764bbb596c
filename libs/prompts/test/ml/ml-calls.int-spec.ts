import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { choiceFor, FakeModelServer } from './support/fake-model-server';
import { createMlApp, eventually, mlApiOf } from './support/ml-api';

const POSITIVE = [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } },
];

/** Test predictions, interactive annotating, training and slow servers, over the API. */
describe('ML backend calls (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let server: FakeModelServer;
  let api: ReturnType<typeof mlApiOf>;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await createMlApp();
    owner = await createAccount(testApp.app);
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
  });

  it('tests a prediction on a random task (random=true), storing nothing; 501 without', async () => {
    const project = await api.project();
    const [task] = await api.tasks(project, 1);
    const { id } = await api.backend(project, server.url);
    const tested = await http()
      .post(`/api/ml/${id}/predict/test`)
      .query({ random: 'true' })
      .set(owner.headers)
      .send({})
      .expect(200);
    expect(tested.body).toMatchObject({
      status: 200,
      error_message: null,
      url: `${server.url}/predict`,
      task: { id: task, data: { text: 'task 1' } },
    });
    expect(tested.body.response.results[0].result[0].value.choices).toEqual([choiceFor('task 1')]);
    expect(tested.body.request.params.password).toBeUndefined();
    const [predict] = server.callsTo('predict');
    expect(predict.body).toMatchObject({
      label_config: expect.stringContaining('<View>'),
      params: { context: null, hostname: `http://localhost:${testApp.config.PORT}` },
    });
    expect(predict.body.project).toMatch(new RegExp(`^${project}\\.\\d+$`));
    expect(await api.predictionsOf(project)).toBe(0);
    await http()
      .post(`/api/ml/${id}/predict/test`)
      .set(owner.headers)
      .send({})
      .skipContract('501 is Label Studio’s answer without random=true')
      .expect(501);
  });

  it('annotates interactively: the first result item, or errors, always a 200', async () => {
    const project = await api.project();
    const [task] = await api.tasks(project, 1);
    const { id } = await api.backend(project, server.url);
    const context = { result: [{ type: 'keypointlabels', value: { x: 1, y: 2 } }] };
    const refused = await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ task, context })
      .expect(200);
    expect(refused.body).toEqual({
      errors: ['Model is not set to be used for interactive preannotations'],
    });
    await http()
      .patch(`/api/ml/${id}`)
      .set(owner.headers)
      .send({ is_interactive: true })
      .expect(200);
    const answered = await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ task, context })
      .expect(200);
    expect(answered.body.data).toMatchObject({ score: 0.5, model_version: 'v1' });
    expect(answered.body.data.result[0].value.choices).toEqual([choiceFor('task 1')]);
    const [call] = server.callsTo('predict');
    expect((call.body.params as { context: unknown }).context).toEqual(context);
    expect((call.body.tasks as { drafts: unknown[] }[])[0].drafts).toEqual([]);
    server.behaviour.failing.add('predict');
    const failed = await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ task, context })
      .expect(200);
    expect(failed.body.errors[0]).toContain('predict is broken');
    await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ context })
      .expect(400);
    await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ task: task + 1000 })
      .expect(404);
    expect(await api.predictionsOf(project)).toBe(0);
  });

  it('stores and returns the error of a slow server, never a 500', async () => {
    const project = await api.project();
    const [task] = await api.tasks(project, 1);
    const { id } = await api.backend(project, server.url, { timeout: 0.3 });
    server.behaviour.delays.set('predict', 1500);
    const slow = await http()
      .post(`/api/ml/${id}/predict/test?random=true`)
      .set(owner.headers)
      .send({})
      .skipContract('a model server failure: 424 with the error body')
      .expect(424);
    expect(slow.body.detail).toBe(`No answer from ${new URL(server.url).host} within 300 ms`);
    const action = await http()
      .post('/api/dm/actions/')
      .query({ id: 'retrieve_tasks_predictions', project })
      .set(owner.headers)
      .send({})
      .skipContract('a model server failure: 424 with the error body')
      .expect(424);
    expect(action.body.detail).toContain('within 300 ms');
    expect(await api.predictionsOf(project)).toBe(0);
    server.behaviour.delays.set('health', 1500);
    const stalled = await http().get(`/api/ml/${id}`).set(owner.headers).expect(200);
    expect(stalled.body.state).toBe('DI');
    expect(stalled.body.error_message).toContain('within 1000 ms');
    const [row] = await api.query('SELECT state, error_message FROM ml_backend WHERE id = $1', id);
    expect(row.error_message).toContain('within 1000 ms');
    server.behaviour.delays.clear();
    await http()
      .patch(`/api/ml/${id}`)
      .set(owner.headers)
      .send({ is_interactive: true })
      .expect(200);
    const interactive = await http()
      .post(`/api/ml/${id}/interactive-annotating`)
      .set(owner.headers)
      .send({ task })
      .expect(200);
    expect(interactive.body.data).toBeDefined();
  });

  it('trains on the annotated tasks; a failing server leaves the backend in error (424)', async () => {
    const project = await api.project();
    const [annotated, , cancelled] = await api.tasks(project, 3);
    await http()
      .post(`/api/tasks/${annotated}/annotations/`)
      .set(owner.headers)
      .send({ result: POSITIVE })
      .expect(201);
    await http()
      .post(`/api/tasks/${cancelled}/annotations/`)
      .set(owner.headers)
      .send({ result: [], was_cancelled: true })
      .expect(201);
    const { id } = await api.backend(project, server.url);
    await http()
      .post(`/api/ml/${id}/train`)
      .set(owner.headers)
      .send({ use_ground_truth: true })
      .expect(200);
    const [train] = server.callsTo('train');
    const sent = train.body.annotations as { id: number; annotations: { result: unknown }[] }[];
    expect(sent.map((task) => task.id)).toEqual([annotated, cancelled]);
    expect(sent[0].annotations[0].result).toEqual(POSITIVE);
    expect(train.body).toMatchObject({
      label_config: expect.stringContaining('<View>'),
      params: { use_ground_truth: true },
    });
    const [row] = await api.query('SELECT state FROM ml_backend WHERE id = $1', id);
    expect(row.state).toBe('TR');
    server.behaviour.failing.add('train');
    const failed = await http()
      .post(`/api/ml/${id}/train`)
      .set(owner.headers)
      .send({})
      .skipContract('a model server failure: 424 with the error body')
      .expect(424);
    expect(failed.body.detail).toContain('train is broken');
    const [after] = await api.query(
      'SELECT state, error_message FROM ml_backend WHERE id = $1',
      id,
    );
    expect(after.state).toBe('ER');
    expect(after.error_message).toContain('train is broken');
  });

  it('starts training with the START_TRAINING webhook when configured so', async () => {
    const webhookApp = await createMlApp({ ML_TRAIN_VIA_WEBHOOK: true });
    try {
      const account = await createAccount(webhookApp.app);
      const webhookApi = mlApiOf(webhookApp, account);
      const project = await webhookApi.project();
      const { id } = await webhookApi.backend(project, server.url);
      await webhookApp.http().post(`/api/ml/${id}/train`).set(account.headers).send({}).expect(200);
      expect(server.callsTo('train')).toHaveLength(0);
      const [webhook] = server.callsTo('webhook');
      expect(webhook.body).toMatchObject({
        action: 'START_TRAINING',
        project: { id: project, label_config: expect.stringContaining('<View>') },
      });
    } finally {
      await webhookApp.close();
    }
  });

  it('starts training after every N annotations created or updated, counted in the database', async () => {
    const project = await api.project({
      start_training_on_annotation_update: true,
      min_annotations_to_start_training: 2,
    });
    const tasks = await api.tasks(project, 3);
    const { id } = await api.backend(project, server.url);
    const annotate = (task: number) =>
      http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(owner.headers)
        .send({ result: POSITIVE })
        .expect(201);
    const first = (await annotate(tasks[0])).body.id as number;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.callsTo('train')).toHaveLength(0);
    const [counted] = await api.query(
      'SELECT annotations_since_training AS n FROM ml_backend WHERE id = $1',
      id,
    );
    expect(Number(counted.n)).toBe(1);
    await annotate(tasks[1]);
    await eventually(async () => expect(server.callsTo('train')).toHaveLength(1));
    await http()
      .patch(`/api/annotations/${first}/`)
      .set(owner.headers)
      .send({ result: POSITIVE })
      .expect(200);
    await annotate(tasks[2]);
    await eventually(async () => expect(server.callsTo('train')).toHaveLength(2));
    const [left] = await api.query(
      'SELECT annotations_since_training AS n FROM ml_backend WHERE id = $1',
      id,
    );
    expect(Number(left.n)).toBe(0);
  });
});
