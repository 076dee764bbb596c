import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice } from './fixtures';

/**
 * Every by-id route of tasks, annotations, predictions and labels answers 404 to another
 * organization and changes nothing (Label Studio once let anyone patch `/api/annotations/{id}`).
 */
describe('organization scoping of annotations, predictions and labels (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    const api = apiOf(testApp, owner);
    ids.project = await api.project();
    ids.task = await api.task(ids.project);
    ids.annotation = (await api.annotate(ids.task)).id;
    ids.prediction = (await api.predict(ids.task)).id;
    const labels = await testApp
      .http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([
        { title: 'Positive', value: 'Positive', from_name: 'sentiment', project: ids.project },
      ])
      .expect(201);
    ids.label = labels.body.results[0].id;
    ids.link = labels.body.results[0].links[0];
  });

  afterAll(() => testApp.close());

  const snapshot = async () => ({
    annotation: await dataSource.query(
      `SELECT result, was_cancelled FROM annotation WHERE id = ${ids.annotation}`,
    ),
    prediction: await dataSource.query(
      `SELECT result, score FROM prediction WHERE id = ${ids.prediction}`,
    ),
    label: await dataSource.query(`SELECT title, value FROM label WHERE id = ${ids.label}`),
    link: await dataSource.query(`SELECT from_name FROM label_link WHERE id = ${ids.link}`),
    task: await dataSource.query(`SELECT data, total_annotations FROM task WHERE id = ${ids.task}`),
  });

  it.each([
    ['GET', () => `/api/annotations/${ids.annotation}/`, undefined],
    [
      'PATCH',
      () => `/api/annotations/${ids.annotation}/`,
      { result: [choice('Negative')], was_cancelled: true },
    ],
    ['DELETE', () => `/api/annotations/${ids.annotation}/`, undefined],
    ['GET', () => `/api/tasks/${ids.task}/annotations/`, undefined],
    ['POST', () => `/api/tasks/${ids.task}/annotations/`, { result: [choice('Negative')] }],
    ['GET', () => `/api/tasks/${ids.task}/agreement/`, undefined],
    ['GET', () => `/api/predictions/${ids.prediction}/`, undefined],
    ['PUT', () => `/api/predictions/${ids.prediction}/`, { result: [], score: 0 }],
    ['PATCH', () => `/api/predictions/${ids.prediction}/`, { score: 0 }],
    ['DELETE', () => `/api/predictions/${ids.prediction}/`, undefined],
    ['GET', () => `/api/tasks/${ids.task}/`, undefined],
    ['PATCH', () => `/api/tasks/${ids.task}/`, { data: { text: 'stolen' } }],
    ['DELETE', () => `/api/tasks/${ids.task}/`, undefined],
    ['GET', () => `/api/labels/${ids.label}/`, undefined],
    ['PATCH', () => `/api/labels/${ids.label}/`, { title: 'Stolen' }],
    ['DELETE', () => `/api/labels/${ids.label}/`, undefined],
    ['GET', () => `/api/label_links/${ids.link}/`, undefined],
    ['PATCH', () => `/api/label_links/${ids.link}/`, { from_name: 'stolen' }],
    ['DELETE', () => `/api/label_links/${ids.link}/`, undefined],
  ])('%s %s by another organization is 404 and changes nothing', async (method, path, body) => {
    const before = await snapshot();
    const request = testApp
      .http()
      [method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path())
      .set(stranger.headers);
    const response = await (body ? request.send(body) : request);
    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('does not list or count another organization’s rows, nor let it target them in bulk', async () => {
    const predictions = await testApp
      .http()
      .get(`/api/predictions/?task=${ids.task}`)
      .set(stranger.headers)
      .expect(200);
    expect(predictions.body).toEqual([]);
    const labels = await testApp.http().get('/api/labels/').set(stranger.headers).expect(200);
    expect(labels.body.count).toBe(0);
    const links = await testApp.http().get('/api/label_links/').set(stranger.headers).expect(200);
    expect(links.body.count).toBe(0);
    await testApp
      .http()
      .post('/api/annotations/bulk/')
      .set(stranger.headers)
      .send({ tasks: [ids.task], result: [choice('Negative')] })
      .expect(404);
    await testApp
      .http()
      .post('/api/annotations/bulk-delete/')
      .set(stranger.headers)
      .send({ project: ids.project, ids: [ids.annotation] })
      .expect(400);
    await testApp
      .http()
      .post('/api/predictions/')
      .set(stranger.headers)
      .send({ task: ids.task, result: [] })
      .expect(400);
    const rows = await dataSource.query(
      `SELECT COUNT(*) AS n FROM annotation WHERE task_id = ${ids.task}`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('unique_id is unique within a project: another organization may use the same one', async () => {
    const ownerApi = apiOf(testApp, owner);
    const strangerApi = apiOf(testApp, stranger);
    await ownerApi.annotate(ids.task, { unique_id: 'shared-unique-id' });
    const strangerProject = await strangerApi.project();
    const strangerTask = await strangerApi.task(strangerProject);
    const theirs = await strangerApi.annotate(strangerTask, { unique_id: 'shared-unique-id' });
    expect(theirs).toMatchObject({ task: strangerTask });
    const again = await testApp
      .http()
      .post(`/api/tasks/${strangerTask}/annotations/`)
      .set(stranger.headers)
      .send({ result: [choice('Positive')], unique_id: 'shared-unique-id' })
      .expect(400);
    expect(again.body.validation_errors.unique_id[0]).toContain('already exists');
    const rows = await dataSource.query(
      "SELECT project_id FROM annotation WHERE unique_id = 'shared-unique-id' ORDER BY id",
    );
    expect(rows.map((row: { project_id: unknown }) => Number(row.project_id))).toEqual([
      ids.project,
      strangerProject,
    ]);
  });

  it("parent_annotation and parent_prediction must be in the task's project", async () => {
    const strangerApi = apiOf(testApp, stranger);
    const strangerProject = await strangerApi.project();
    const strangerTask = await strangerApi.task(strangerProject);
    const before = await dataSource.query(
      `SELECT COUNT(*) AS n FROM annotation WHERE task_id = ${strangerTask}`,
    );
    for (const [field, id] of [
      ['parent_annotation', ids.annotation],
      ['parent_prediction', ids.prediction],
    ] as const) {
      const refused = await testApp
        .http()
        .post(`/api/tasks/${strangerTask}/annotations/`)
        .set(stranger.headers)
        .send({ result: [choice('Positive')], [field]: id })
        .expect(400);
      expect(refused.body.validation_errors[field]).toEqual([
        `Invalid pk "${id}" - object does not exist.`,
      ]);
      const bulk = await testApp
        .http()
        .post('/api/annotations/bulk/')
        .set(stranger.headers)
        .send({ tasks: [strangerTask], result: [choice('Positive')], [field]: id })
        .expect(400);
      expect(bulk.body.validation_errors[field]).toBeDefined();
    }
    const after = await dataSource.query(
      `SELECT COUNT(*) AS n FROM annotation WHERE task_id = ${strangerTask}`,
    );
    expect(Number(after[0].n)).toBe(Number(before[0].n));

    const ownerApi = apiOf(testApp, owner);
    const child = await ownerApi.annotate(ids.task, {
      parent_annotation: ids.annotation,
      parent_prediction: ids.prediction,
    });
    expect(child).toMatchObject({
      parent_annotation: ids.annotation,
      parent_prediction: ids.prediction,
    });
  });
});
