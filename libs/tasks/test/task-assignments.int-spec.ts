import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';

describe('task assignments (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let reviewer: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let project: number;
  const tasks: number[] = [];

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, { organizationId: owner.organizationId });
    reviewer = await createAccount(testApp.app, { organizationId: owner.organizationId });
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    project = (
      await testApp
        .http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Assigned' })
        .expect(201)
    ).body.id;
    for (let i = 0; i < 4; i += 1) {
      const task = await testApp
        .http()
        .post('/api/tasks/')
        .set(owner.headers)
        .send({ project, data: { text: `t${i}` } })
        .expect(201);
      tasks.push(task.body.id);
    }
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const assignees = (task: number) =>
    http().get(`/api/projects/${project}/tasks/${task}/assignees`).set(owner.headers).expect(200);
  const rows = async (task: number) =>
    (
      await dataSource.query(
        `SELECT assignee_id, type FROM task_assignment WHERE task_id = ${task} ORDER BY assignee_id, type`,
      )
    ).map((row: { assignee_id: number; type: string }) => [Number(row.assignee_id), row.type]);

  it('adds, lists, replaces and removes the assignees of a task', async () => {
    const added = await http()
      .post(`/api/projects/${project}/tasks/${tasks[0]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [annotator.userId, reviewer.userId] })
      .expect(200);
    expectOperationResponse('api_projects_tasks_assignees_create_2', 200, added.body);
    expect(added.body).toMatchObject({ task: tasks[0], assignee: reviewer.userId, type: 'AN' });
    await http()
      .post(`/api/projects/${project}/tasks/${tasks[0]}/assignees`)
      .set(owner.headers)
      .send({ type: 'RE', users: [reviewer.userId] })
      .expect(200);
    const listed = await assignees(tasks[0]);
    expectOperationResponse('api_projects_tasks_assignees_retrieve', 200, listed.body);
    expect(await rows(tasks[0])).toEqual([
      [annotator.userId, 'AN'],
      [reviewer.userId, 'AN'],
      [reviewer.userId, 'RE'],
    ]);

    const replaced = await http()
      .patch(`/api/projects/${project}/tasks/${tasks[0]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [annotator.userId] })
      .expect(200);
    expectContract('TaskAssignment', replaced.body);
    expect(await rows(tasks[0])).toEqual([
      [annotator.userId, 'AN'],
      [reviewer.userId, 'RE'],
    ]);

    await http()
      .delete(
        `/api/projects/${project}/tasks/${tasks[0]}/assignees?type=RE&users=${reviewer.userId}`,
      )
      .set(owner.headers)
      .expect(204);
    expect(await rows(tasks[0])).toEqual([[annotator.userId, 'AN']]);
    await http()
      .delete(`/api/projects/${project}/tasks/${tasks[0]}/assignees`)
      .set(owner.headers)
      .expect(204);
    expect(await rows(tasks[0])).toEqual([]);
  });

  it('assigns the selected tasks of a project in bulk, once per user and task', async () => {
    const response = await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(owner.headers)
      .send({
        type: 'AN',
        users: [annotator.userId],
        selectedItems: { all: true, excluded: [tasks[3]] },
      })
      .expect(201);
    expectOperationResponse('api_projects_tasks_assignees_create', 201, response.body);
    expect(response.body).toEqual({ assignments: 3, async: false });
    const again = await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(owner.headers)
      .send({
        type: 'AN',
        users: [annotator.userId, reviewer.userId],
        selectedItems: { all: false, included: [tasks[1]] },
      })
      .expect(201);
    expect(again.body.assignments).toBe(1);
    expect(await rows(tasks[1])).toEqual([
      [annotator.userId, 'AN'],
      [reviewer.userId, 'AN'],
    ]);
    expect(await rows(tasks[3])).toEqual([]);
  });

  it('refuses users outside the organization, bad types and filters (no data manager here); writes nothing', async () => {
    const before = await rows(tasks[2]);
    const outsider = await http()
      .post(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [stranger.userId] })
      .expect(400);
    expect(outsider.body.validation_errors.users[0]).toContain(String(stranger.userId));
    await http()
      .post(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(owner.headers)
      .send({ type: 'XX', users: [annotator.userId] })
      .expect(400);
    const filtered = await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(owner.headers)
      .send({
        type: 'AN',
        users: [reviewer.userId],
        selectedItems: { all: true },
        filters: {
          conjunction: 'and',
          items: [{ filter: 'filter:tasks:id', operator: 'equal', type: 'Number', value: 1 }],
        },
      })
      .expect(400);
    expect(filtered.body.validation_errors.filters).toBeDefined();
    expect(await rows(tasks[2])).toEqual(before);
  });

  it('hides other organizations’ tasks: 404, nothing changed', async () => {
    await http()
      .post(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [annotator.userId] })
      .expect(200);
    const before = await rows(tasks[2]);
    await http()
      .get(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(stranger.headers)
      .expect(404);
    await http()
      .delete(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(stranger.headers)
      .expect(404);
    await http()
      .post(`/api/projects/${project}/tasks/assignees`)
      .set(stranger.headers)
      .send({ type: 'AN', users: [stranger.userId], selectedItems: { all: true } })
      .expect(404);
    expect(await rows(tasks[2])).toEqual(before);
    // A task of another project is not found under this one.
    const other = (
      await http().post('/api/projects/').set(owner.headers).send({ title: 'Other' }).expect(201)
    ).body.id;
    await http()
      .get(`/api/projects/${other}/tasks/${tasks[2]}/assignees`)
      .set(owner.headers)
      .expect(404);
  });
});
