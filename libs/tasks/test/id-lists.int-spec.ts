import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { TaskBulkInsert, TasksHttpModule } from '@ls/tasks';

/** More ids than either database binds in one statement (SQLite 32,766, PostgreSQL 65,535). */
const MANY = 70_000;
const range = (size: number, from = 1) => Array.from({ length: size }, (_, i) => from + i);
const CAPPED = ['Ensure this field has no more than 10000 elements.'];

/** Id lists of task requests: capped at 10,000 per list; lists from the data run in chunks. */
describe('id lists in task requests (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let dataSource: DataSource;
  let projectId: number;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, { organizationId: owner.organizationId });
    dataSource = testApp.app.get(DataSource);
    projectId = (
      await testApp
        .http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Many tasks' })
        .expect(201)
    ).body.id;
    const project = await testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: projectId });
    await testApp.app.get(TransactionRunner).run(async ({ manager }) => {
      const insert = await TaskBulkInsert.start(manager, project);
      for (let start = 0; start < MANY; start += 10_000) {
        await insert.add(range(10_000, start).map((i) => ({ data: { text: `t${i}` } })));
      }
    });
  }, 120_000);

  afterAll(() => testApp.close());

  const assign = (body: Record<string, unknown>) =>
    testApp
      .http()
      .post(`/api/projects/${projectId}/tasks/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [annotator.userId], ...body });
  const assignments = async () =>
    Number(
      (
        await dataSource.query(
          `SELECT COUNT(*) AS n FROM task_assignment a JOIN task t ON t.id = a.task_id
           WHERE t.project_id = ${projectId}`,
        )
      )[0].n,
    );

  it.each([
    ['selectedItems.included', { selectedItems: { all: false, included: range(MANY) } }],
    ['selectedItems.excluded', { selectedItems: { all: true, excluded: range(MANY) } }],
    ['users', { selectedItems: { all: false, included: [1] }, users: range(MANY) }],
  ])('%s with 70,000 ids is a 400 naming the field and the cap', async (field, body) => {
    const refused = await assign(body).expect(400);
    expect(refused.body.validation_errors[field]).toEqual(CAPPED);
    expect(await assignments()).toBe(0);
  });

  it('assigns a selection of all 70,000 tasks, in chunks', async () => {
    const response = await assign({ selectedItems: { all: true } }).expect(201);
    expect(response.body).toMatchObject({ assignments: MANY });
    expect(await assignments()).toBe(MANY);
    // Again: nobody is assigned twice.
    await assign({ selectedItems: { all: true } }).expect(201);
    expect(await assignments()).toBe(MANY);
  }, 180_000);
});
