import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { Task, TasksModule } from '@ls/tasks';

describe('tasks: project counters from stored task counters (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let tasks: Repository<Task>;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [TasksModule, ProjectsHttpModule] });
    owner = await createAccount(testApp.app);
    tasks = testApp.app.get(getRepositoryToken(Task));
  });

  afterAll(() => testApp.close());

  const createProject = async (title: string) =>
    (await testApp.http().post('/api/projects/').set(owner.headers).send({ title }).expect(201))
      .body;

  it('shows task counters in the project list, detail and dashboard', async () => {
    const counted = await createProject('Counted');
    const empty = await createProject('Empty');
    await tasks.insert(
      [
        { is_labeled: true, total_annotations: 2, cancelled_annotations: 1, total_predictions: 1 },
        { is_labeled: true, total_annotations: 1, cancelled_annotations: 0, total_predictions: 0 },
        { is_labeled: false, total_annotations: 0, cancelled_annotations: 2, total_predictions: 3 },
      ].map((counters, index) => ({
        ...counters,
        project_id: counted.id,
        inner_id: index + 1,
        data: { text: `task ${index}` },
        meta: {},
      })),
    );
    const detail = await testApp
      .http()
      .get(`/api/projects/${counted.id}/`)
      .set(owner.headers)
      .expect(200);
    expect(detail.body).toMatchObject({
      task_number: 3,
      finished_task_number: 2,
      total_annotations_number: 3,
      skipped_annotations_number: 3,
      total_predictions_number: 4,
    });
    const list = await testApp.http().get('/api/projects/').set(owner.headers).expect(200);
    const emptyRow = list.body.results.find((p: { id: number }) => p.id === empty.id);
    expect(emptyRow).toMatchObject({ task_number: 0, total_annotations_number: 0 });
    const dashboard = await testApp
      .http()
      .get(`/api/projects/${counted.id}/dashboard`)
      .set(owner.headers)
      .expect(200);
    expect(dashboard.body).toMatchObject({ tasks: 3, annotations: 3, remaining_tasks: 1 });
  });

  it('deleting a project deletes its tasks', async () => {
    const project = await createProject('Doomed');
    await tasks.insert({ project_id: project.id, inner_id: 1, data: { text: 'x' }, meta: {} });
    await testApp.http().delete(`/api/projects/${project.id}/`).set(owner.headers).expect(204);
    const [{ count }] = await testApp.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS count FROM task WHERE project_id = ${Number(project.id)}`);
    expect(Number(count)).toBe(0);
  });

  it('keeps inner_id unique within a project', async () => {
    const project = await createProject('Numbered');
    await tasks.insert({ project_id: project.id, inner_id: 1, data: {}, meta: {} });
    await expect(
      tasks.insert({ project_id: project.id, inner_id: 1, data: {}, meta: {} }),
    ).rejects.toThrow();
  });
});
