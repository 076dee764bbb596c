import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { dialectOfDataSource, TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { TaskBulkInsert, TasksHttpModule } from '@ls/tasks';
import { apiOf, choice } from './fixtures';

/** More ids than either database binds in one statement (SQLite 32,766, PostgreSQL 65,535). */
const MANY = 70_000;
const range = (size: number, from = 1) => Array.from({ length: size }, (_, i) => from + i);

/**
 * Id lists: a request carries at most 10,000 ids per list (a 400 naming the field beyond), and
 * lists that come from the data (a selection of all tasks) are queried in chunks.
 */
describe('id lists in annotation requests (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof apiOf>;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    api = apiOf(testApp, owner);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  const bulk = (body: Record<string, unknown>) =>
    testApp
      .http()
      .post('/api/annotations/bulk/')
      .set(owner.headers)
      .send({ result: [choice('Positive')], ...body });

  it.each([
    ['tasks', { tasks: range(MANY) }],
    ['selected_items.included', { selected_items: { all: false, included: range(MANY) } }],
    ['selected_items.excluded', { selected_items: { all: true, excluded: range(MANY) } }],
  ])('%s with 70,000 ids is a 400 naming the field and the cap', async (field, body) => {
    const project = await api.project();
    await api.task(project);
    const refused = await bulk({ project, ...body }).expect(400);
    expect(refused.body.validation_errors[field]).toEqual([
      'Ensure this field has no more than 10000 elements.',
    ]);
    expect(await count(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${project}`)).toBe(
      0,
    );
  });

  it('a list of more than 10,000 labels is a 400, writing nothing', async () => {
    const project = await api.project();
    const labels = range(10_001).map((i) => ({
      project,
      from_name: 'sentiment',
      title: `label ${i}`,
      value: {},
    }));
    const refused = await testApp
      .http()
      .post('/api/labels/')
      .set(owner.headers)
      .send(labels)
      .expect(400);
    expect(refused.body.validation_errors.non_field_errors).toEqual([
      'Ensure this field has no more than 10000 elements.',
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM label')).toBe(0);
  });

  it('annotates a selection of all 70,000 tasks of a project, in chunks', async () => {
    const projectId = await api.project();
    const project = await testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: projectId });
    await testApp.app.get(TransactionRunner).run(async ({ manager }) => {
      const insert = await TaskBulkInsert.start(manager, project);
      for (let start = 0; start < MANY; start += 10_000) {
        await insert.add(range(10_000, start).map((i) => ({ data: { text: `t${i}` } })));
      }
    });
    const [first] = await dataSource.query(
      `SELECT MIN(id) AS id FROM task WHERE project_id = ${projectId}`,
    );
    const created = await bulk({
      project: projectId,
      selected_items: { all: true, excluded: [Number(first.id)] },
    }).expect(201);
    expect(created.body).toHaveLength(MANY - 1);
    expect(
      await count(`SELECT COUNT(*) AS n FROM annotation WHERE project_id = ${projectId}`),
    ).toBe(MANY - 1);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM task WHERE project_id = ${projectId} AND total_annotations = 1 AND is_labeled = ${dialectOfDataSource(dataSource) === 'postgres' ? 'TRUE' : '1'}`,
      ),
    ).toBe(MANY - 1);
  }, 180_000);
});
