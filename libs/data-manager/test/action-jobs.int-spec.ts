import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { JobQueue, waitForJob } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];
const QUEUE = 'data-manager-actions';

/** Bulk actions on a selection above ACTION_JOB_THRESHOLD_TASKS run as a job. */
describe('data manager actions as jobs (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;
  let api: ReturnType<typeof dataManagerApiOf>;

  const act = (id: string, project: number, body: Record<string, unknown> = {}) =>
    testApp.http().post('/api/dm/actions/').query({ id, project }).set(owner.headers).send(body);
  const placeholder = () => (dataSource.options.type === 'postgres' ? '$1' : '?');
  const count = async (table: string, project: number) =>
    Number(
      (
        await dataSource.query(
          `SELECT COUNT(*) AS n FROM ${table} WHERE project_id = ${placeholder()}`,
          [project],
        )
      )[0].n,
    );
  const finished = async (job: string) => {
    const snapshot = await waitForJob(testApp.app.get(JobQueue), QUEUE, job, 20_000);
    expect(snapshot?.status).toBe('completed');
    return snapshot?.result as Record<string, unknown>;
  };

  beforeAll(async () => {
    testApp = await createDataManagerApp({ ACTION_JOB_THRESHOLD_TASKS: 3 });
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  async function projectOf(size: number) {
    const project = await api.project();
    const tasks: number[] = [];
    for (let n = 1; n <= size; n += 1)
      tasks.push(await api.task(project, { image: `${n}.jpg`, caption: `task ${n}` }));
    return { project, tasks };
  }

  it('runs a large delete as a job and a small one within the request', async () => {
    const { project, tasks } = await projectOf(5);
    for (const task of tasks.slice(0, 2)) {
      await testApp
        .http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(owner.headers)
        .send({ result: cat })
        .expect(201);
    }
    const small = await act('delete_tasks_annotations', project, {
      selectedItems: { all: false, included: tasks.slice(0, 3) },
    }).expect(200);
    expect(small.body).toMatchObject({ processed_items: 2 });
    expect(small.body.async).toBeUndefined();
    expect(await count('annotation', project)).toBe(0);

    const large = await act('delete_tasks', project, {
      selectedItems: { all: true, excluded: [tasks[0]] },
    }).expect(200);
    expect(large.body).toMatchObject({ processed_items: 4, async: true, job: expect.any(String) });
    expect(await finished(large.body.job)).toMatchObject({ processed_items: 4 });
    expect(await count('task', project)).toBe(1);
    const state = await testApp
      .http()
      .get(`/api/projects/${project}/`)
      .set(owner.headers)
      .expect(200);
    expect(state.body.task_number).toBe(1);
  });

  it('makes annotations from predictions once, even when the job runs twice', async () => {
    const { project, tasks } = await projectOf(4);
    for (const task of tasks) {
      await testApp
        .http()
        .post('/api/predictions/')
        .set(owner.headers)
        .send({ task, result: cat, model_version: 'v1' })
        .expect(201);
    }
    const body = { model_version: 'v1' };
    const first = await act('predictions_to_annotations', project, body).expect(200);
    await finished(first.body.job);
    const second = await act('predictions_to_annotations', project, body).expect(200);
    await finished(second.body.job);
    expect(await count('annotation', project)).toBe(4);
    const totals = await dataSource.query(
      `SELECT SUM(total_annotations) AS n FROM task WHERE project_id = ${placeholder()}`,
      [project],
    );
    expect(Number(totals[0].n)).toBe(4);
  });

  it("acts with its author's role when it runs: a job of a demoted member writes nothing", async () => {
    const { project } = await projectOf(2);
    const annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    const queue = testApp.app.get(JobQueue);
    const job = await queue.enqueue(QUEUE, 'data-manager-actions.run', {
      actionId: 'delete_tasks',
      projectId: project,
      userId: annotator.userId,
      organizationId: owner.organizationId,
      params: {},
      fields: {},
    });
    const snapshot = await waitForJob(queue, QUEUE, job.id, 20_000);
    expect(snapshot?.status).toBe('failed');
    expect(snapshot?.failedReason).toContain('permission');
    expect(await count('task', project)).toBe(2);
  });
});
