import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG =
  '<View><Image name="image" value="$image"/><Choices name="c" toName="image"><Choice value="A"/></Choices></View>';

describe('task routes (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let project: number;
  const events: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    testApp.app
      .get(EventEmitter2)
      .onAny((name, payload) => events.push({ name: String(name), payload }));
    const created = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Images', label_config: CONFIG, maximum_annotations: 3 })
      .expect(201);
    project = created.body.id;
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const createTask = (body: Record<string, unknown>, account = owner) =>
    http().post('/api/tasks/').set(account.headers).send(body);

  it('creates a task (LseTask), numbered in its project, with the project overlap', async () => {
    const response = await createTask({
      project,
      data: { image: 'https://example.com/1.jpg' },
      meta: { source: 'api' },
    }).expect(201);
    expectOperationResponse('api_tasks_create', 201, response.body);
    expect(response.body).toMatchObject({
      project,
      inner_id: 1,
      overlap: 3,
      data: { image: 'https://example.com/1.jpg' },
      meta: { source: 'api' },
      total_annotations: 0,
      annotations: [],
      predictions: [],
      drafts: [],
      is_labeled: false,
    });
    const second = await createTask({ project, data: { image: 'https://example.com/2.jpg' } });
    expect(second.body.inner_id).toBe(2);
    const rows = await dataSource.query(
      `SELECT inner_id, overlap FROM task WHERE project_id = ${project} ORDER BY id`,
    );
    expect(
      rows.map((r: Record<string, unknown>) => [Number(r.inner_id), Number(r.overlap)]),
    ).toEqual([
      [1, 3],
      [2, 3],
    ]);
    const created = events.filter((e) => e.name === 'tasks.tasks.created');
    expect(created.at(-1)?.payload).toMatchObject({
      projectId: project,
      taskIds: [second.body.id],
    });
  });

  it('refuses a task without project, with data missing the config key, or in a foreign project', async () => {
    const before = Number((await dataSource.query('SELECT COUNT(*) AS n FROM task'))[0].n);
    const noProject = await createTask({ data: { image: 'x' } }).expect(400);
    expect(noProject.body.validation_errors.project).toContain('This field is required.');
    const noKey = await createTask({ project, data: { text: 'no image' } }).expect(400);
    expect(noKey.body.validation_errors.data.join(' ')).toContain('image');
    const noData = await createTask({ project }).expect(400);
    expect(noData.body.validation_errors.data).toBeDefined();
    const foreign = await createTask({ project, data: { image: 'x' } }, stranger).expect(400);
    expect(foreign.body.validation_errors.project[0]).toContain('does not exist');
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM task'))[0].n)).toBe(before);
  });

  it('gets, patches and deletes a task', async () => {
    const { body: task } = await createTask({ project, data: { image: 'a.jpg' } }).expect(201);
    const got = await http().get(`/api/tasks/${task.id}/`).set(owner.headers).expect(200);
    expectOperationResponse('api_tasks_retrieve', 200, got.body);
    expectContract('LseTask', got.body);

    const patched = await http()
      .patch(`/api/tasks/${task.id}/`)
      .set(owner.headers)
      .send({ data: { image: 'b.jpg' }, meta: { checked: true }, is_labeled: true })
      .expect(200);
    expectOperationResponse('api_tasks_partial_update', 200, patched.body);
    expect(patched.body).toMatchObject({
      data: { image: 'b.jpg' },
      meta: { checked: true },
      is_labeled: true,
      updated_by: [{ user_id: owner.userId }],
    });
    const [row] = await dataSource.query(
      `SELECT data, updated_by_id FROM task WHERE id = ${task.id}`,
    );
    expect(typeof row.data === 'string' ? JSON.parse(row.data) : row.data).toEqual({
      image: 'b.jpg',
    });
    expect(Number(row.updated_by_id)).toBe(owner.userId);
    await http()
      .patch(`/api/tasks/${task.id}/`)
      .set(owner.headers)
      .send({ data: { text: 'wrong key' } })
      .expect(400);

    await http().delete(`/api/tasks/${task.id}/`).set(owner.headers).expect(204);
    await http().get(`/api/tasks/${task.id}/`).set(owner.headers).expect(404);
    expect((await dataSource.query(`SELECT id FROM task WHERE id = ${task.id}`)).length).toBe(0);
    const deleted = events.filter((e) => e.name === 'tasks.tasks.deleted');
    expect(deleted.at(-1)?.payload).toMatchObject({ taskIds: [task.id] });
  });

  it('records task events from the labeling interface', async () => {
    const { body: task } = await createTask({ project, data: { image: 'e.jpg' } }).expect(201);
    const eventTime = '2026-11-29T10:00:00.000Z';
    const response = await http()
      .post(`/api/tasks/${task.id}/events/`)
      .set(owner.headers)
      .send({ event_key: 'region_finished_drawing', event_time: eventTime, meta: { region: 'r1' } })
      .expect(201);
    expectOperationResponse('api_tasks_events_create', 201, response.body);
    expect(response.body).toMatchObject({
      task: task.id,
      project,
      organization: owner.organizationId,
      actor: owner.userId,
      event_key: 'region_finished_drawing',
      event_time: eventTime,
      meta: { region: 'r1' },
    });
    const rows = await dataSource.query(
      `SELECT event_key FROM task_event WHERE task_id = ${task.id}`,
    );
    expect(rows).toEqual([{ event_key: 'region_finished_drawing' }]);
    await http()
      .post(`/api/tasks/${task.id}/events/`)
      .set(owner.headers)
      .send({ event_time: eventTime })
      .expect(400);
    await http()
      .post(`/api/tasks/${task.id}/events/`)
      .set(stranger.headers)
      .send({ event_key: 'x', event_time: eventTime })
      .expect(404);
  });

  it('hides tasks from other organizations: 404 and nothing changed', async () => {
    const { body: task } = await createTask({ project, data: { image: 'private.jpg' } }).expect(
      201,
    );
    await http().get(`/api/tasks/${task.id}/`).set(stranger.headers).expect(404);
    await http()
      .patch(`/api/tasks/${task.id}/`)
      .set(stranger.headers)
      .send({ data: { image: 'stolen.jpg' } })
      .expect(404);
    await http().delete(`/api/tasks/${task.id}/`).set(stranger.headers).expect(404);
    const [row] = await dataSource.query(`SELECT data FROM task WHERE id = ${task.id}`);
    expect(typeof row.data === 'string' ? JSON.parse(row.data) : row.data).toEqual({
      image: 'private.jpg',
    });
  });
});
