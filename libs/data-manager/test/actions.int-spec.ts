import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];

/** The data manager's actions, applied to the selection of a request, checked on the rows. */
describe('data manager actions (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let manager: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let api: ReturnType<typeof dataManagerApiOf>;

  const http = () => testApp.http();
  const count = async (sql: string, ...parameters: unknown[]) =>
    Number((await dataSource.query(sql, parameters))[0].n);
  const placeholder = (position: number) =>
    dataSource.options.type === 'postgres' ? `$${position}` : '?';
  const rowsOf = (table: string, projectId: number) =>
    count(`SELECT COUNT(*) AS n FROM ${table} WHERE project_id = ${placeholder(1)}`, projectId);
  const act = (id: string, project: number, body: Record<string, unknown> = {}, account = owner) =>
    http().post('/api/dm/actions/').query({ id, project }).set(account.headers).send(body);
  const annotate = (task: number, account = owner, body: Record<string, unknown> = {}) =>
    http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(account.headers)
      .send({ result: cat, ...body })
      .expect(201);
  const predict = (task: number) =>
    http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task, result: cat, score: 0.9, model_version: 'v1' })
      .expect(201);

  /** A project of `size` tasks, `data.n` = 1..size. */
  async function projectOf(size: number, settings: Record<string, unknown> = {}) {
    const project = await api.project(settings);
    const tasks: number[] = [];
    for (let n = 1; n <= size; n += 1)
      tasks.push(await api.task(project, { image: `${n}.jpg`, caption: `task ${n}`, n }));
    return { project, tasks };
  }

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    manager = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'MA',
    });
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  it('lists the actions a caller may run, by order, and their forms', async () => {
    const { project } = await projectOf(1);
    const listed = await http().get('/api/dm/actions/').query({ project }).set(owner.headers);
    expect(listed.status).toBe(200);
    const ids = listed.body.map((action: { id: string }) => action.id);
    expect(ids).toEqual([
      'remove_duplicates',
      'predictions_to_annotations',
      'delete_tasks',
      'delete_tasks_annotations',
      'delete_tasks_predictions',
      'delete_ground_truths',
      'delete_annotators',
      'delete_reviewers',
    ]);
    expect(listed.body[2]).toMatchObject({ permission: 'tasks.delete', order: 100 });
    const forAnnotator = await http()
      .get('/api/dm/actions/')
      .query({ project })
      .set(annotator.headers)
      .expect(200);
    expect(forAnnotator.body).toEqual([]);
    const form = await http()
      .get('/api/dm/actions/delete_tasks_annotations/form/')
      .query({ project })
      .set(owner.headers)
      .skipContract('the form is the list of dialog fields, as the frontend reads it')
      .expect(200);
    expect(JSON.stringify(form.body)).toContain('annotator');
    await http().get('/api/dm/actions/').query({ project }).set(stranger.headers).expect(404);
  });

  it('deletes the filtered tasks, their annotations and predictions, and nothing else', async () => {
    const { project, tasks } = await projectOf(5);
    await annotate(tasks[3]);
    await predict(tasks[4]);
    const other = await projectOf(2);
    const filters = {
      conjunction: 'and',
      items: [{ filter: 'filter:tasks:data.n', operator: 'greater', type: 'Number', value: 2 }],
    };
    const done = await act('delete_tasks', project, {
      filters,
      selectedItems: { all: true, excluded: [tasks[2]] },
    }).expect(200);
    expect(done.body).toMatchObject({ processed_items: 2, reload: true });
    const left = await dataSource.query(
      `SELECT id FROM task WHERE project_id = ${placeholder(1)} ORDER BY id`,
      [project],
    );
    expect(left.map((row: { id: unknown }) => Number(row.id))).toEqual(tasks.slice(0, 3));
    expect(await rowsOf('annotation', project)).toBe(0);
    expect(await rowsOf('prediction', project)).toBe(0);
    expect(await rowsOf('task', other.project)).toBe(2);
    const state = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(state.body.task_number).toBe(3);
  });

  it("deletes annotations of the selection (or one annotator's) and recounts the tasks", async () => {
    const { project, tasks } = await projectOf(3);
    await annotate(tasks[0]);
    await annotate(tasks[0], annotator);
    await annotate(tasks[1], annotator);
    await annotate(tasks[2]);
    const byAnnotator = await act('delete_tasks_annotations', project, {
      selectedItems: { all: false, included: [tasks[0], tasks[1]] },
      annotator: annotator.userId,
    }).expect(200);
    expect(byAnnotator.body.processed_items).toBe(2);
    expect(await rowsOf('annotation', project)).toBe(2);
    const counters = await dataSource.query(
      `SELECT id, total_annotations FROM task WHERE project_id = ${placeholder(1)} ORDER BY id`,
      [project],
    );
    expect(
      counters.map((row: { total_annotations: unknown }) => Number(row.total_annotations)),
    ).toEqual([1, 0, 1]);

    const all = await act('delete_tasks_annotations', project).expect(200);
    expect(all.body.processed_items).toBe(2);
    expect(await rowsOf('annotation', project)).toBe(0);
    expect(
      await count(
        `SELECT SUM(total_annotations) AS n FROM task WHERE project_id = ${placeholder(1)}`,
        project,
      ),
    ).toBe(0);
  });

  it('deletes predictions and unmarks ground truths of the selection', async () => {
    const { project, tasks } = await projectOf(2);
    await predict(tasks[0]);
    await predict(tasks[1]);
    await annotate(tasks[0], owner, { ground_truth: true });
    const predictions = await act('delete_tasks_predictions', project, {
      selectedItems: { all: false, included: [tasks[1]] },
    }).expect(200);
    expect(predictions.body.processed_items).toBe(1);
    expect(await rowsOf('prediction', project)).toBe(1);
    expect(
      await count(`SELECT total_predictions AS n FROM task WHERE id = ${placeholder(1)}`, tasks[1]),
    ).toBe(0);
    const truths = await act('delete_ground_truths', project).expect(200);
    expect(truths.body.processed_items).toBe(1);
    expect(await rowsOf('annotation', project)).toBe(1);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${placeholder(1)} AND ground_truth = ${placeholder(2)}`,
        project,
        dataSource.options.type === 'postgres' ? true : 1,
      ),
    ).toBe(0);
  });

  it('unassigns the annotators or reviewers of the selection (or one of them)', async () => {
    const { project, tasks } = await projectOf(3);
    const other = await projectOf(1);
    const assign = (projectId: number, type: string, users: number[], included: number[]) =>
      http()
        .post(`/api/projects/${projectId}/tasks/assignees`)
        .set(owner.headers)
        .send({ type, users, selectedItems: { all: false, included } })
        .expect(201);
    const both = [owner.userId, annotator.userId];
    await assign(project, 'AN', both, tasks);
    await assign(project, 'RE', [owner.userId], tasks);
    await assign(other.project, 'AN', both, other.tasks);
    const assignments = (type: string) =>
      count(
        `SELECT COUNT(*) AS n FROM task_assignment a JOIN task t ON t.id = a.task_id` +
          ` WHERE t.project_id = ${placeholder(1)} AND a.type = ${placeholder(2)}`,
        project,
        type,
      );
    expect([await assignments('AN'), await assignments('RE')]).toEqual([6, 3]);

    const one = await act('delete_annotators', project, {
      selectedItems: { all: false, included: [tasks[0], tasks[1]] },
      annotator: annotator.userId,
    }).expect(200);
    expect(one.body.processed_items).toBe(2);
    expect([await assignments('AN'), await assignments('RE')]).toEqual([4, 3]);
    const all = await act('delete_annotators', project).expect(200);
    expect(all.body.processed_items).toBe(4);
    const reviewers = await act('delete_reviewers', project, {
      selectedItems: { all: true, excluded: [tasks[2]] },
    }).expect(200);
    expect(reviewers.body.processed_items).toBe(2);
    expect([await assignments('AN'), await assignments('RE')]).toEqual([0, 1]);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM task_assignment WHERE task_id = ${placeholder(1)}`,
        other.tasks[0],
      ),
    ).toBe(2);
    await act('delete_reviewers', project, { reviewer: 'me' }).expect(400);
  });

  it('assigns the tasks data manager filters select (bulk assignment of the tasks library)', async () => {
    const { project, tasks } = await projectOf(5);
    const assigned = await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(owner.headers)
      .send({
        type: 'AN',
        users: [annotator.userId],
        selectedItems: { all: true, excluded: [tasks[4]] },
        filters: {
          conjunction: 'and',
          items: [{ filter: 'filter:tasks:data.n', operator: 'greater', type: 'Number', value: 2 }],
        },
      })
      .expect(201);
    expect(assigned.body.assignments).toBe(2);
    const rows = await dataSource.query(
      `SELECT a.task_id FROM task_assignment a JOIN task t ON t.id = a.task_id` +
        ` WHERE t.project_id = ${placeholder(1)} ORDER BY a.task_id`,
      [project],
    );
    expect(rows.map((row: { task_id: unknown }) => Number(row.task_id))).toEqual(tasks.slice(2, 4));
    await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(owner.headers)
      .send({
        type: 'AN',
        users: [annotator.userId],
        selectedItems: { all: true },
        filters: {
          conjunction: 'and',
          items: [{ filter: 'filter:tasks:nope', operator: 'equal', type: 'Number', value: 1 }],
        },
      })
      .expect(400);
  });

  it('creates annotations from the chosen predictions once, and counts them', async () => {
    const { project, tasks } = await projectOf(3);
    for (const task of tasks) await predict(task);
    await http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task: tasks[0], result: cat, score: 0.1, model_version: 'v2' })
      .expect(201);
    const form = await http()
      .get('/api/dm/actions/predictions_to_annotations/form/')
      .query({ project })
      .set(owner.headers)
      .skipContract('the form is the list of dialog fields, as the frontend reads it')
      .expect(200);
    expect(form.body[0].fields[0]).toMatchObject({ name: 'model_version', options: ['v2', 'v1'] });
    const body = {
      selectedItems: { all: false, included: [tasks[0], tasks[1]] },
      model_version: 'v1',
    };
    expect((await act('predictions_to_annotations', project, body).expect(200)).body).toMatchObject(
      { processed_items: 2 },
    );
    expect((await act('predictions_to_annotations', project, body).expect(200)).body).toMatchObject(
      { processed_items: 0 },
    );
    const made = await dataSource.query(
      `SELECT task_id, completed_by_id, parent_prediction_id FROM annotation WHERE project_id = ${placeholder(1)} ORDER BY task_id`,
      [project],
    );
    expect(made.map((row: { task_id: unknown }) => Number(row.task_id))).toEqual(tasks.slice(0, 2));
    expect(
      made.every(
        (row: { completed_by_id: unknown }) => Number(row.completed_by_id) === owner.userId,
      ),
    ).toBe(true);
    expect(
      made.every((row: { parent_prediction_id: unknown }) => row.parent_prediction_id !== null),
    ).toBe(true);
    expect(
      await count(
        `SELECT SUM(total_annotations) AS n FROM task WHERE project_id = ${placeholder(1)}`,
        project,
      ),
    ).toBe(2);
  });

  it('merges tasks with the same data, keeping the annotated one and its annotations', async () => {
    const project = await api.project();
    const same = { image: 'same.jpg', caption: 'same', n: 1 };
    const first = await api.task(project, same);
    const second = await api.task(project, { n: 1, caption: 'same', image: 'same.jpg' });
    const third = await api.task(project, same);
    const unique = await api.task(project, { image: 'other.jpg', caption: 'other', n: 2 });
    await annotate(second);
    await annotate(third, annotator);
    const done = await act('remove_duplicates', project).expect(200);
    expect(done.body.processed_items).toBe(2);
    const left = await dataSource.query(
      `SELECT id, total_annotations FROM task WHERE project_id = ${placeholder(1)} ORDER BY id`,
      [project],
    );
    expect(left.map((row: { id: unknown }) => Number(row.id))).toEqual([second, unique]);
    expect(Number(left[0].total_annotations)).toBe(2);
    expect(await rowsOf('annotation', project)).toBe(2);
    expect(first).toBeLessThan(second);
    expect((await act('remove_duplicates', project).expect(200)).body.processed_items).toBe(0);
  });

  it('gives the next task of the selection to label, then 404 when none is left', async () => {
    const { project, tasks } = await projectOf(3, { maximum_annotations: 2 });
    const view = await api.view(project, { ordering: ['-tasks:id'] });
    const next = (account = manager) =>
      http()
        .post('/api/dm/actions/')
        .query({ id: 'next_task', project, tabID: view.id })
        .set(account.headers)
        .send({})
        .skipContract('next_task answers the task, which the contract does not describe');
    // An annotator may run it (it asks `annotations.create`) and gets their label stream.
    expect(tasks).toContain((await next(annotator).expect(200)).body.id);
    const first = await next().expect(200);
    expect(first.body.id).toBe(tasks[2]);
    await annotate(tasks[2], manager);
    expect((await next().expect(200)).body.id).toBe(tasks[1]);
    await annotate(tasks[1], manager);
    await annotate(tasks[0], manager);
    await next().expect(404);
    expect((await next(owner).expect(200)).body.id).toBe(tasks[2]);
  });

  it('refuses an unknown action, an action the role may not run and a foreign project', async () => {
    const { project, tasks } = await projectOf(1);
    // registered by the ML backends library (@ls/prompts), which this app does not load
    const notHere = await act('retrieve_tasks_predictions', project).expect(400);
    expect(notHere.body.validation_errors.id).toBeDefined();
    const unknown = await act('drop_everything', project).expect(400);
    expect(unknown.body.validation_errors.id).toBeDefined();
    await act('delete_tasks', project, {}, annotator).expect(403);
    await act('delete_tasks', project, {}, stranger).expect(404);
    const bad = await act('delete_tasks', project, {
      selectedItems: { all: false, included: ['x'] },
    }).expect(400);
    expect(bad.body.validation_errors).toHaveProperty(['selectedItems.included']);
    expect(await rowsOf('task', project)).toBe(1);
    expect(tasks).toHaveLength(1);
  });
});
