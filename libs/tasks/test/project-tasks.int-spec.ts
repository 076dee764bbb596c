import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { expectContract, TestApp } from '@ls/core/testing';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { NewTask, Task, TasksHttpModule, TasksService } from '@ls/tasks';

describe('tasks of a project (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
  });

  afterAll(() => testApp.close());

  const createProject = async (body: Record<string, unknown> = {}) => {
    const created = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'With tasks', ...body })
      .expect(201);
    return testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: created.body.id });
  };

  const addTasks = (project: Project, items: NewTask[]) =>
    testApp.app
      .get(TransactionRunner)
      .run(({ manager }) => testApp.app.get(TasksService).addTasks(manager, project, items));

  const innerIds = async (projectId: number) =>
    (
      await testApp.app
        .get<Repository<Task>>(getRepositoryToken(Task))
        .find({ where: { project_id: projectId }, order: { inner_id: 'ASC' } })
    ).map((task) => task.inner_id);

  it('numbers tasks 1..n per project, continuing after the highest, also under concurrency', async () => {
    const project = await createProject({ maximum_annotations: 2 });
    const first = await addTasks(project, [{ data: { text: 'a' } }, { data: { text: 'b' } }]);
    expect(first.map((task) => [task.inner_id, task.overlap])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    await Promise.all(
      Array.from({ length: 5 }, (_, batch) =>
        addTasks(
          project,
          Array.from({ length: 10 }, (_, i) => ({ data: { text: `batch ${batch} item ${i}` } })),
        ),
      ),
    );
    expect(await innerIds(project.id)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    const other = await createProject();
    await addTasks(other, [{ data: { text: 'first of another project' } }]);
    expect(await innerIds(other.id)).toEqual([1]);
  });

  it('lists the tasks as a plain array, paged and ordered', async () => {
    const project = await createProject();
    const added = await addTasks(
      project,
      ['one', 'two', 'three'].map((text) => ({ data: { text }, meta: { source: 'test' } })),
    );
    const all = await testApp
      .http()
      .get(`/api/projects/${project.id}/tasks/`)
      .set(owner.headers)
      .expect(200);
    expectContract(['TaskSimple'], all.body);
    expect(all.body.map((task: { data: { text: string } }) => task.data.text)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(all.body[0]).toMatchObject({
      id: added[0].id,
      inner_id: 1,
      project: project.id,
      meta: { source: 'test' },
      is_labeled: false,
      total_annotations: 0,
      annotations: [],
      predictions: [],
    });
    const page = await testApp
      .http()
      .get(`/api/projects/${project.id}/tasks/?ordering=-id&page=2&page_size=2`)
      .set(owner.headers)
      .expect(200);
    expect(page.body.map((task: { data: { text: string } }) => task.data.text)).toEqual(['one']);
    await testApp
      .http()
      .get(`/api/projects/${project.id}/tasks/?ordering=data`)
      .set(owner.headers)
      .expect(400);
  });

  it('deletes every task of a project, and only of the caller organization', async () => {
    const project = await createProject();
    await addTasks(project, [{ data: { text: 'x' } }, { data: { text: 'y' } }]);
    await testApp
      .http()
      .get(`/api/projects/${project.id}/tasks/`)
      .set(stranger.headers)
      .expect(404);
    await testApp
      .http()
      .delete(`/api/projects/${project.id}/tasks/`)
      .set(stranger.headers)
      .expect(404);
    expect(await innerIds(project.id)).toEqual([1, 2]);

    await testApp
      .http()
      .delete(`/api/projects/${project.id}/tasks/`)
      .set(owner.headers)
      .expect(204);
    expect(await innerIds(project.id)).toEqual([]);
    const detail = await testApp
      .http()
      .get(`/api/projects/${project.id}/`)
      .set(owner.headers)
      .expect(200);
    expect(detail.body.task_number).toBe(0);
  });
});
