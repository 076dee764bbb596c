import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { MlPredictJob } from '../../src/lib/ml/predictions/ml-predict.job';
import { choiceFor, FakeModelServer } from './support/fake-model-server';
import { createMlApp, eventually, mlApiOf } from './support/ml-api';

/** Predictions stored from a model server: the predict job, the data manager and the stream. */
describe('ML predictions (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let server: FakeModelServer;
  let api: ReturnType<typeof mlApiOf>;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await createMlApp({ ML_PREDICT_BATCH_SIZE: 100 });
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
    server.modelVersion = 'v1';
  });

  const startPredictions = async (backend: number) => {
    const started = await http()
      .post(`/api/ml/${backend}/predict`)
      .set(owner.headers)
      .send({})
      .expect(200);
    return started.body.job as string;
  };

  it('predicts 1,000 tasks once in batches, with the counters, and a second run stores none', async () => {
    const project = await api.project();
    const tasks = await api.tasks(project, 1000);
    const backend = await api.backend(project, server.url);
    server.calls.length = 0;
    const job = await startPredictions(backend.id);
    expect(await api.finished(job)).toEqual({ predicted: 1000, error: null });
    expect(server.callsTo('predict')).toHaveLength(10);
    expect(
      server.callsTo('predict').every((call) => (call.body.tasks as unknown[]).length === 100),
    ).toBe(true);
    expect(await api.predictionsOf(project)).toBe(1000);
    expect(await api.counterSumOf(project)).toBe(1000);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM task WHERE project_id = $1 AND total_predictions <> 1',
        project,
      ),
    ).toBe(0);
    const [sample] = await api.query(
      'SELECT p.result, p.model_version, p.score, t.data FROM prediction p JOIN task t ON t.id = p.task_id WHERE t.id = $1',
      tasks[1],
    );
    const result = typeof sample.result === 'string' ? JSON.parse(sample.result) : sample.result;
    const data = typeof sample.data === 'string' ? JSON.parse(sample.data) : sample.data;
    expect(result[0].value.choices).toEqual([choiceFor(data.text)]);
    expect(sample).toMatchObject({ model_version: 'v1', score: 0.5 });
    const after = await http().get(`/api/ml/${backend.id}`).set(owner.headers).expect(200);
    expect(after.body.state).toBe('CO');

    server.calls.length = 0;
    const again = await startPredictions(backend.id);
    expect(await api.finished(again)).toEqual({ predicted: 0, error: null });
    expect(server.callsTo('predict')).toHaveLength(0);
    expect(await api.predictionsOf(project)).toBe(1000);
    expect(await api.counterSumOf(project)).toBe(1000);
  }, 120_000);

  it('a job that failed half way goes on where it stopped; jobs run twice store nothing twice', async () => {
    const project = await api.project();
    await api.tasks(project, 500);
    const backend = await api.backend(project, server.url);
    server.behaviour.failPredictCall = 3;
    const failed = await api.finished(await startPredictions(backend.id));
    expect(failed.predicted).toBe(200);
    expect(failed.error).toContain('500');
    const errored = await api.query(
      'SELECT state, error_message, predict_job FROM ml_backend WHERE id = $1',
      backend.id,
    );
    expect(errored[0]).toMatchObject({ state: 'ER', predict_job: null });
    expect(await api.predictionsOf(project)).toBe(200);
    server.reset();
    server.calls.length = 0;
    // the same job run twice at once (a retried job beside a live one): each batch once
    const handler = testApp.app.get(MlPredictJob);
    const run = (id: string) =>
      handler.handle({
        id,
        queue: 'ml',
        name: 'ml.predict',
        payload: { backendId: backend.id, batchSize: 50 },
        attempt: 1,
        reportProgress: async () => undefined,
      });
    const [first, second] = await Promise.all([run('retry-a'), run('retry-b')]);
    expect(first.predicted + second.predicted).toBe(300);
    expect(await api.predictionsOf(project)).toBe(500);
    expect(await api.counterSumOf(project)).toBe(500);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM (SELECT task_id FROM prediction WHERE project_id = $1 GROUP BY task_id, model_version HAVING COUNT(*) > 1) twice',
        project,
      ),
    ).toBe(0);
  }, 60_000);

  it('stores the version each item names, and asks an old server one task at a time', async () => {
    const project = await api.project();
    await api.tasks(project, 3);
    const backend = await api.backend(project, server.url);
    server.behaviour.oneResultPerCall = true;
    server.calls.length = 0;
    expect(await api.finished(await startPredictions(backend.id))).toEqual({
      predicted: 3,
      error: null,
    });
    expect(server.callsTo('predict').map((call) => (call.body.tasks as unknown[]).length)).toEqual([
      3, 1, 1, 1,
    ]);
    server.behaviour.oneResultPerCall = false;
    server.modelVersion = 'v2';
    expect(await api.finished(await startPredictions(backend.id))).toEqual({
      predicted: 3,
      error: null,
    });
    const versions = await api.query(
      'SELECT model_version, COUNT(*) AS n FROM prediction WHERE project_id = $1 GROUP BY model_version ORDER BY model_version',
      project,
    );
    expect(
      versions.map((row: { model_version: string; n: unknown }) => [
        row.model_version,
        Number(row.n),
      ]),
    ).toEqual([
      ['v1', 3],
      ['v2', 3],
    ]);
  });

  it('retrieves predictions of a data manager selection through the model server', async () => {
    const project = await api.project();
    const tasks = await api.tasks(project, 5);
    await api.backend(project, server.url);
    const listed = await http()
      .get('/api/dm/actions/')
      .query({ project })
      .set(owner.headers)
      .expect(200);
    expect(listed.body.map((action: { id: string }) => action.id).slice(0, 3)).toEqual([
      'remove_duplicates',
      'retrieve_tasks_predictions',
      'predictions_to_annotations',
    ]);
    server.calls.length = 0;
    const selected = await http()
      .post('/api/dm/actions/')
      .query({ id: 'retrieve_tasks_predictions', project })
      .set(owner.headers)
      .send({ selectedItems: { all: false, included: tasks.slice(0, 3) } })
      .expect(200);
    expect(selected.body).toMatchObject({ processed_items: 3, detail: 'Retrieved 3 predictions' });
    expect(server.callsTo('predict')).toHaveLength(1);
    expect((server.callsTo('predict')[0].body.tasks as { id: number }[]).map((t) => t.id)).toEqual(
      tasks.slice(0, 3),
    );
    const all = await http()
      .post('/api/dm/actions/')
      .query({ id: 'retrieve_tasks_predictions', project })
      .set(owner.headers)
      .send({})
      .expect(200);
    expect(all.body).toMatchObject({ processed_items: 5, detail: 'Retrieved 2 predictions' });
    expect(server.callsTo('predict')).toHaveLength(2);
    expect(await api.predictionsOf(project)).toBe(5);
    expect(await api.counterSumOf(project)).toBe(5);
  });

  it('runs the action as a job on a large selection', async () => {
    const jobApp = await createMlApp({ ACTION_JOB_THRESHOLD_TASKS: 10 });
    try {
      const account = await createAccount(jobApp.app);
      const jobApi = mlApiOf(jobApp, account);
      const project = await jobApi.project();
      await jobApi.tasks(project, 25);
      await jobApi.backend(project, server.url);
      const queued = await jobApp
        .http()
        .post('/api/dm/actions/')
        .query({ id: 'retrieve_tasks_predictions', project })
        .set(account.headers)
        .send({})
        .expect(200);
      expect(queued.body).toMatchObject({ async: true, processed_items: 25 });
      await eventually(async () => expect(await jobApi.predictionsOf(project)).toBe(25), 20_000);
      expect(await jobApi.counterSumOf(project)).toBe(25);
    } finally {
      await jobApp.close();
    }
  }, 60_000);

  it('prelabels the next task of the labeling stream, and serves it when the server fails', async () => {
    const project = await api.project();
    const [first, second] = await api.tasks(project, 2);
    await api.backend(project, server.url);
    server.calls.length = 0;
    const next = await http().get(`/api/projects/${project}/next/`).set(owner.headers).expect(200);
    expect(next.body.id).toBe(first);
    expect(next.body.predictions).toHaveLength(1);
    expect(next.body.predictions[0]).toMatchObject({ model_version: 'v1' });
    expect(next.body.total_predictions).toBe(1);
    expect(server.callsTo('predict')).toHaveLength(1);
    const again = await http().get(`/api/projects/${project}/next/`).set(owner.headers).expect(200);
    expect(again.body.id).toBe(first);
    expect(server.callsTo('predict')).toHaveLength(1);
    await http()
      .post(`/api/tasks/${first}/annotations/`)
      .set(owner.headers)
      .send({ result: [], was_cancelled: true })
      .expect(201);
    server.behaviour.failing.add('predict');
    const failing = await http()
      .get(`/api/projects/${project}/next/`)
      .set(owner.headers)
      .expect(200);
    expect(failing.body.id).toBe(second);
    expect(failing.body.predictions).toEqual([]);
    expect(server.callsTo('predict')).toHaveLength(2);
  });

  it('predicts a data manager page when evaluate_predictions_automatically is on', async () => {
    const project = await api.project();
    await api.tasks(project, 4);
    await api.backend(project, server.url);
    server.calls.length = 0;
    const off = await http().get('/api/tasks/').query({ project }).set(owner.headers).expect(200);
    expect(
      off.body.tasks.every((task: { total_predictions: number }) => task.total_predictions === 0),
    ).toBe(true);
    expect(server.callsTo('predict')).toHaveLength(0);
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ evaluate_predictions_automatically: true })
      .expect(200);
    const on = await http()
      .get('/api/tasks/')
      .query({ project, fields: 'all' })
      .set(owner.headers)
      .expect(200);
    expect(
      on.body.tasks.map((task: { total_predictions: number }) => task.total_predictions),
    ).toEqual([1, 1, 1, 1]);
    expect(
      on.body.tasks.every((task: { predictions: unknown[] }) => task.predictions.length === 1),
    ).toBe(true);
    expect(server.callsTo('predict')).toHaveLength(1);
    server.behaviour.failing.add('health');
    await http().get('/api/tasks/').query({ project }).set(owner.headers).expect(200);
    expect(await api.predictionsOf(project)).toBe(4);
  });
});
