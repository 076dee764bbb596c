import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const choice = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

describe('import of tasks sent as JSON (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let colleague: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    colleague = await createAccount(testApp.app, { organizationId: owner.organizationId });
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const project = async () =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Imported', label_config: CONFIG })
        .expect(201)
    ).body.id as number;
  const importInto = (id: number, body: unknown, query = '', account = owner) =>
    http()
      .post(`/api/projects/${id}/import${query}`)
      .set(account.headers)
      .send(body as object);
  /** Bodies supertest will not send as JSON (a bare string, number or null), raw. */
  const importRaw = (id: number, payload: string) =>
    testApp.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/api/projects/${id}/import`,
        headers: { ...owner.headers, 'content-type': 'application/json' },
        payload,
      });
  interface StoredTask {
    id: number;
    inner_id: number;
    data: Record<string, unknown>;
    counters: number[];
    is_labeled: boolean;
  }
  const storedTasks = async (id: number): Promise<StoredTask[]> =>
    (
      await dataSource.query(
        `SELECT id, inner_id, data, total_annotations, cancelled_annotations, total_predictions, is_labeled
         FROM task WHERE project_id = ${id} ORDER BY inner_id`,
      )
    ).map((row: Record<string, unknown>): StoredTask => ({
      id: Number(row.id),
      inner_id: Number(row.inner_id),
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      counters: [row.total_annotations, row.cancelled_annotations, row.total_predictions].map(
        Number,
      ),
      is_labeled: Boolean(row.is_labeled),
    }));

  it('imports a list of bare data objects, numbered in order, and records the import', async () => {
    const id = await project();
    const response = await importInto(
      id,
      [{ text: 'one' }, { text: 'two' }, { text: 'three', extra: 1 }],
      '?return_task_ids=true',
    ).expect(201);
    expectOperationResponse('api_projects_import_create', 201, response.body);
    expect(response.body).toMatchObject({
      task_count: 3,
      annotation_count: 0,
      prediction_count: 0,
      file_upload_ids: [],
      could_be_tasks_list: false,
      data_columns: ['text', 'extra'],
    });
    const tasks = await storedTasks(id);
    expect(tasks.map((t) => [t.inner_id, t.data.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    expect(response.body.task_ids).toEqual(tasks.map((t) => t.id));

    const status = await http()
      .get(`/api/projects/${id}/imports/${response.body.import}/`)
      .set(owner.headers)
      .expect(200);
    expectContract('ProjectImport', status.body);
    expect(status.body).toMatchObject({ status: 'completed', task_count: 3, project: id });
    await http()
      .get(`/api/projects/${id}/imports/${response.body.import}/`)
      .set(stranger.headers)
      .expect(404);
  });

  it('imports a single task object and task envelopes with meta', async () => {
    const id = await project();
    await importInto(id, { text: 'alone' }).expect(201);
    await importInto(id, [{ data: { text: 'wrapped' }, meta: { batch: 7 } }]).expect(201);
    const tasks = await storedTasks(id);
    expect(tasks.map((t) => [t.inner_id, t.data])).toEqual([
      [1, { text: 'alone' }],
      [2, { text: 'wrapped' }],
    ]);
  });

  it('imports annotations and predictions with the tasks, counters right', async () => {
    const id = await project();
    const response = await importInto(id, [
      {
        data: { text: 'a' },
        annotations: [
          {
            result: [choice('Positive')],
            completed_by: { email: colleague.email.toUpperCase() },
            lead_time: 3.2,
          },
          { result: [], was_cancelled: true },
        ],
        predictions: [{ result: [choice('Negative')], score: 0.87, model_version: 'v1' }],
      },
      { data: { text: 'b' }, predictions: [{ result: [choice('Positive')] }] },
    ]).expect(201);
    expect(response.body).toMatchObject({
      task_count: 2,
      annotation_count: 2,
      prediction_count: 2,
    });
    const tasks = await storedTasks(id);
    expect(tasks.map((t) => [t.counters, t.is_labeled])).toEqual([
      [[1, 1, 1], true],
      [[0, 0, 1], false],
    ]);
    const annotations = await dataSource.query(
      `SELECT completed_by_id, ground_truth, last_action FROM annotation WHERE project_id = ${id} ORDER BY id`,
    );
    expect(Number(annotations[0].completed_by_id)).toBe(colleague.userId);
    expect(Boolean(annotations[0].ground_truth)).toBe(true);
    expect(annotations[0].last_action).toBe('imported');
    expect(Number(annotations[1].completed_by_id)).toBe(owner.userId);
    const predictions = await dataSource.query(
      `SELECT model_version, score FROM prediction WHERE project_id = ${id} ORDER BY id`,
    );
    expect(predictions.map((p: { model_version: string }) => p.model_version)).toEqual([
      'v1',
      'undefined',
    ]);
  });

  it('imports nothing when any task is invalid, naming the item and the key', async () => {
    const id = await project();
    const missingKey = await importInto(id, [
      { text: 'ok' },
      { body: 'no text' },
      { text: 'ok too' },
    ]).expect(400);
    expect(missingKey.body.validation_errors['[1].data'][0]).toContain('text');
    const badAnnotation = await importInto(id, [
      { data: { text: 'x' }, annotations: [{ lead_time: 1 }] },
    ]).expect(400);
    expect(Object.keys(badAnnotation.body.validation_errors)).toEqual(['[0].annotations']);
    const unknownEmail = await importInto(id, [
      {
        data: { text: 'x' },
        annotations: [{ result: [], completed_by: { email: 'nobody@example.com' } }],
      },
    ]).expect(400);
    expect(JSON.stringify(unknownEmail.body)).toContain('nobody@example.com');
    const strangerAsAnnotator = await importInto(id, [
      { data: { text: 'x' }, annotations: [{ result: [], completed_by: stranger.userId }] },
    ]).expect(400);
    expect(strangerAsAnnotator.body.validation_errors.completed_by).toBeDefined();
    const badPrediction = await importInto(id, [
      { data: { text: 'x' } },
      { data: { text: 'y' }, predictions: [{ result: [choice('Angry')] }] },
    ]).expect(400);
    expect(badPrediction.body.validation_errors['[1].predictions'][0]).toContain('Angry');
    await importInto(id, []).expect(400);
    for (const payload of ['"just text"', '42', 'null']) {
      expect((await importRaw(id, payload)).statusCode).toBe(400);
    }
    expect(await storedTasks(id)).toEqual([]);
    expect(
      Number(
        (await dataSource.query(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${id}`))[0]
          .n,
      ),
    ).toBe(0);
  });

  it('counts without creating when commit_to_project=false, and hides projects of other organizations', async () => {
    const id = await project();
    const response = await importInto(
      id,
      [{ text: 'a' }, { text: 'b' }],
      '?commit_to_project=false',
    ).expect(201);
    expect(response.body).toMatchObject({ task_count: 2, annotation_count: null });
    expect(await storedTasks(id)).toEqual([]);
    await importInto(id, [{ text: 'a' }], '', stranger).expect(404);
    expect(await storedTasks(id)).toEqual([]);
  });

  it('imported tasks take the overlap of the project, its cohort drawn over the whole project', async () => {
    const id = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({
          title: 'Cohort',
          label_config: CONFIG,
          maximum_annotations: 2,
          overlap_cohort_percentage: 50,
        })
        .expect(201)
    ).body.id as number;
    const annotated = (email: string) => ({
      result: [choice('Positive')],
      ground_truth: false,
      completed_by: { email },
    });
    await importInto(id, [
      { text: 'a' },
      { text: 'b' },
      { text: 'c' },
      { data: { text: 'd' }, annotations: [annotated(owner.email), annotated(colleague.email)] },
    ]).expect(201);
    const overlaps = async () =>
      (
        await dataSource.query(
          `SELECT overlap, is_labeled FROM task WHERE project_id = ${id} ORDER BY inner_id`,
        )
      ).map((row: Record<string, unknown>) => [Number(row.overlap), Boolean(row.is_labeled)]);
    // 50% of 4: the task already done by two annotators, then the first of the others.
    expect(await overlaps()).toEqual([
      [2, false],
      [1, false],
      [1, false],
      [2, true],
    ]);
    await http()
      .patch(`/api/projects/${id}/`)
      .set(owner.headers)
      .send({ overlap_cohort_percentage: 100 })
      .expect(200);
    await importInto(id, [{ text: 'e' }]).expect(201);
    expect(await overlaps()).toEqual([
      [2, false],
      [2, false],
      [2, false],
      [2, true],
      [2, false],
    ]);
  });

  it('imports predictions for existing tasks in one call', async () => {
    const id = await project();
    await importInto(id, [{ text: 'a' }, { text: 'b' }]).expect(201);
    const [first, second] = await storedTasks(id);
    const other = await project();
    await importInto(other, [{ text: 'elsewhere' }]).expect(201);
    const [foreign] = await storedTasks(other);
    const refused = await http()
      .post(`/api/projects/${id}/import/predictions`)
      .set(owner.headers)
      .send([
        { task: first.id, result: [choice('Positive')] },
        { task: foreign.id, result: [] },
      ])
      .expect(400);
    expect(refused.body.validation_errors['[1].task'][0]).toContain(String(foreign.id));
    const created = await http()
      .post(`/api/projects/${id}/import/predictions`)
      .set(owner.headers)
      .send([
        { task: first.id, result: [choice('Positive')], score: 0.5, model_version: 'm' },
        { task: first.id, result: [choice('Negative')] },
        { task: second.id, result: [] },
      ])
      .expect(201);
    expectOperationResponse('api_projects_import_predictions_create', 201, created.body);
    expect(created.body).toEqual({ created: 3 });
    expect((await storedTasks(id)).map((t) => t.counters[2])).toEqual([2, 1]);
  });
});
