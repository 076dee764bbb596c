import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const NOT_IN_CONTRACT = 'not in the contract';
const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];

/** `GET /api/projects/{id}/next/`: the labeling stream of Label Studio, checked on the rows. */
describe('next task (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotators: TestAccount[];
  let stranger: TestAccount;
  let dataSource: DataSource;
  let api: ReturnType<typeof dataManagerApiOf>;

  const http = () => testApp.http();
  const postgres = () => dataSource.options.type === 'postgres';
  const at = (position: number) => (postgres() ? `$${position}` : '?');
  const next = (project: number | string, account: TestAccount) =>
    http().get(`/api/projects/${project}/next/`).set(account.headers).skipContract(NOT_IN_CONTRACT);
  const nextId = async (project: number, account: TestAccount) => {
    const response = await next(project, account).expect(200);
    return response.body.id as number;
  };
  const annotate = (task: number, account: TestAccount, query = '') =>
    http()
      .post(`/api/tasks/${task}/annotations/${query}`)
      .set(account.headers)
      .send({ result: query ? [] : cat })
      .expect(201);
  const skip = (task: number, account: TestAccount) => annotate(task, account, '?was_cancelled=1');

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
    annotators = [];
    for (let n = 0; n < 3; n += 1) {
      annotators.push(
        await createAccount(testApp.app, { organizationId: owner.organizationId, role: 'AN' }),
      );
    }
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  it('serves tasks in sequence, locks them and gives the held task back', async () => {
    const [a1] = annotators;
    const { project, tasks } = await projectOf(3);
    const first = await next(project, a1).expect(200);
    expect(first.body).toMatchObject({ id: tasks[0], queue: 'Sequence queue', drafts: [] });
    expect(first.body.data).toMatchObject({ n: 1 });
    const locks = await dataSource.query(
      `SELECT task_id, user_id, expire_at FROM task_lock WHERE task_id = ${at(1)}`,
      [tasks[0]],
    );
    expect(locks).toHaveLength(1);
    expect(Number(locks[0].user_id)).toBe(a1.userId);
    const ttl = new Date(locks[0].expire_at + (postgres() ? '' : 'Z')).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(86000 * 1000);
    const again = await next(project, a1).expect(200);
    expect(again.body).toMatchObject({ id: tasks[0], queue: 'Task lock' });
    await annotate(tasks[0], a1);
    expect(await nextId(project, a1)).toBe(tasks[1]);
    await annotate(tasks[1], a1);
    expect(await nextId(project, a1)).toBe(tasks[2]);
    await annotate(tasks[2], a1);
    const done = await next(project, a1).expect(404);
    expect(done.body.detail).toContain('There are no tasks');
  });

  it('samples uniformly: every task comes, each once', async () => {
    const [a1] = annotators;
    const { project, tasks } = await projectOf(5, { sampling: 'Uniform sampling' });
    const served: number[] = [];
    for (let n = 0; n < tasks.length; n += 1) {
      const response = await next(project, a1).expect(200);
      expect(response.body.queue).toBe('Uniform random queue');
      served.push(response.body.id);
      await annotate(response.body.id, a1);
    }
    expect([...served].sort((x, y) => x - y)).toEqual(tasks);
    await next(project, a1).expect(404);
  });

  it('samples by uncertainty: the lowest score of the model version first', async () => {
    const [a1] = annotators;
    const { project, tasks } = await projectOf(4, {
      sampling: 'Uncertainty sampling',
      model_version: 'v1',
    });
    const scores = [0.9, 0.2, 0.5];
    for (const [index, score] of scores.entries()) {
      await http()
        .post('/api/predictions/')
        .set(owner.headers)
        .send({ task: tasks[index], result: cat, score, model_version: 'v1' })
        .expect(201);
    }
    await http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task: tasks[3], result: cat, score: 0.01, model_version: 'other' })
      .expect(201);
    const served: number[] = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await next(project, a1).expect(200);
      expect(response.body.queue).toBe('Active learning queue');
      served.push(response.body.id);
      await annotate(response.body.id, a1);
    }
    expect(served).toEqual([tasks[1], tasks[2], tasks[0]]);
    expect(await next(project, a1).expect(200)).toMatchObject({
      body: { id: tasks[3], queue: 'Active learning or random queue' },
    });
  });

  it('REQUEUE_FOR_ME serves the skipper his skips once nothing else is left', async () => {
    const [a1, a2] = annotators;
    const { project, tasks } = await projectOf(2, { skip_queue: 'REQUEUE_FOR_ME' });
    expect(await nextId(project, a1)).toBe(tasks[0]);
    await skip(tasks[0], a1);
    expect(await nextId(project, a1)).toBe(tasks[1]);
    await annotate(tasks[1], a1);
    const skipped = await next(project, a1).expect(200);
    expect(skipped.body).toMatchObject({ id: tasks[0], queue: 'Skipped queue' });
    await annotate(tasks[0], a1);
    await next(project, a1).expect(404);
    await next(project, a2).expect(404);
  });

  it('REQUEUE_FOR_OTHERS never gives a skip back to its skipper, but to others', async () => {
    const [a1, a2] = annotators;
    const { project, tasks } = await projectOf(2);
    expect(await nextId(project, a1)).toBe(tasks[0]);
    await skip(tasks[0], a1);
    expect(await nextId(project, a1)).toBe(tasks[1]);
    await annotate(tasks[1], a1);
    await next(project, a1).expect(404);
    expect(await nextId(project, a2)).toBe(tasks[0]);
  });

  it('IGNORE_SKIPPED: a skip completes the task for everyone', async () => {
    const [a1, a2] = annotators;
    const { project, tasks } = await projectOf(2, { skip_queue: 'IGNORE_SKIPPED' });
    expect(await nextId(project, a1)).toBe(tasks[0]);
    await skip(tasks[0], a1);
    expect(await nextId(project, a2)).toBe(tasks[1]);
    await annotate(tasks[1], a2);
    await next(project, a1).expect(404);
    await next(project, a2).expect(404);
  });

  it("serves the caller's drafts first, postponed ones last", async () => {
    const [a1] = annotators;
    const { project, tasks } = await projectOf(4);
    const draft = (task: number, postponed: boolean) =>
      dataSource.query(
        `INSERT INTO annotation_draft (result, task_id, user_id, was_postponed) VALUES (${at(1)}, ${at(2)}, ${at(3)}, ${at(4)})`,
        ['[]', task, a1.userId, postponed ? (postgres() ? true : 1) : postgres() ? false : 0],
      );
    await draft(tasks[2], false);
    await draft(tasks[0], true);
    const drafted = await next(project, a1).expect(200);
    expect(drafted.body).toMatchObject({ id: tasks[2], queue: 'Drafts queue' });
    expect(drafted.body.drafts).toHaveLength(1);
    await annotate(tasks[2], a1);
    expect(await nextId(project, a1)).toBe(tasks[1]);
    await annotate(tasks[1], a1);
    expect(await nextId(project, a1)).toBe(tasks[3]);
    await annotate(tasks[3], a1);
    expect((await next(project, a1).expect(200)).body).toMatchObject({
      id: tasks[0],
      queue: 'Postponed draft queue',
    });
  });

  it('serves only the tasks assigned to a caller who has assignments', async () => {
    const [a1, a2] = annotators;
    const { project, tasks } = await projectOf(3);
    await http()
      .post(`/api/projects/${project}/tasks/${tasks[2]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [a1.userId] })
      .expect(200);
    const assigned = await next(project, a1).expect(200);
    expect(assigned.body).toMatchObject({ id: tasks[2], queue: 'Manually assigned queue' });
    await annotate(tasks[2], a1);
    await next(project, a1).expect(404);
    expect(await nextId(project, a2)).toBe(tasks[0]);
  });

  it('overlap 2: two annotators share a task, a third gets the next; locks expire', async () => {
    const [a1, a2, a3] = annotators;
    const { project, tasks } = await projectOf(2, { maximum_annotations: 2 });
    expect(await nextId(project, a1)).toBe(tasks[0]);
    expect(await nextId(project, a2)).toBe(tasks[0]);
    expect(await nextId(project, a3)).toBe(tasks[1]);
    await annotate(tasks[0], a1);
    expect(await nextId(project, owner)).toBe(tasks[1]);
    await dataSource.query(
      `UPDATE task_lock SET expire_at = ${at(1)} WHERE task_id = ${at(2)} AND user_id = ${at(3)}`,
      [postgres() ? '2000-01-01T00:00:00Z' : '2000-01-01 00:00:00.000', tasks[0], a2.userId],
    );
    const breadth = await next(project, a3).expect(200);
    expect(breadth.body.id).toBe(tasks[1]);
    await annotate(tasks[1], a3);
    expect((await next(project, a3).expect(200)).body).toMatchObject({
      id: tasks[0],
      queue: 'Breadth first queue',
    });
  });

  it("answers 404 for another organization's project or an id that names none", async () => {
    const { project } = await projectOf(1);
    const foreign = await next(project, stranger).expect(404);
    expect(foreign.body).toHaveProperty('detail');
    await next(999999, owner).expect(404);
    // path ids go through the project locator, as on every project route: no object, 404
    const bad = await next('abc', owner).expect(404);
    expect(bad.body).toHaveProperty('detail');
  });
});
