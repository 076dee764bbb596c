import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const NOT_IN_CONTRACT = 'not in the contract';
const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];

interface HistoryRow {
  user_id: number;
  project_id: number;
  task_id: number;
  annotation_id: number | null;
}

/**
 * `GET /api/projects/{id}/label-stream-history` and what fills it: the tasks `/next/` (and the
 * data manager's `next_task`) hand to the caller, and the annotation they then make of each
 * (Label Studio's `projects/functions/stream_history.py`), checked on the rows.
 */
describe('label stream history (int)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let owner: TestAccount;
  let annotator: TestAccount;
  let other: TestAccount;
  let stranger: TestAccount;
  let api: ReturnType<typeof dataManagerApiOf>;

  const http = () => testApp.http();
  const next = (project: number, account: TestAccount) =>
    http().get(`/api/projects/${project}/next/`).set(account.headers).skipContract(NOT_IN_CONTRACT);
  const nextId = async (project: number, account: TestAccount) =>
    (await next(project, account).expect(200)).body.id as number;
  const history = async (project: number, account: TestAccount) =>
    (
      await http()
        .get(`/api/projects/${project}/label-stream-history`)
        .set(account.headers)
        .skipContract(NOT_IN_CONTRACT)
        .expect(200)
    ).body as { taskId: number; annotationId: number | null }[];
  const annotate = async (task: number, account: TestAccount, query = '') =>
    (
      await http()
        .post(`/api/tasks/${task}/annotations/${query}`)
        .set(account.headers)
        .send({ result: query ? [] : cat })
        .expect(201)
    ).body.id as number;
  const rows = async (user: number, project: number): Promise<HistoryRow[]> =>
    dataSource.query(
      `SELECT user_id, project_id, task_id, annotation_id FROM label_stream_history
       WHERE user_id = ${Number(user)} AND project_id = ${Number(project)} ORDER BY id`,
    );

  async function projectOf(size: number) {
    const project = await api.project();
    const tasks: number[] = [];
    for (let n = 1; n <= size; n += 1)
      tasks.push(await api.task(project, { image: `${n}.jpg`, caption: `task ${n}` }));
    return { project, tasks };
  }

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    const join = { organizationId: owner.organizationId, role: 'AN' as const };
    annotator = await createAccount(testApp.app, join);
    other = await createAccount(testApp.app, join);
    stranger = await createAccount(testApp.app);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  it('is an empty list before the stream gave anything, never a 404', async () => {
    const { project } = await projectOf(2);
    expect(await history(project, annotator)).toEqual([]);
    expect(await history(project, owner)).toEqual([]);
  });

  it('records each task handed out once, oldest first, with the annotation made of it', async () => {
    const { project, tasks } = await projectOf(3);
    expect(await nextId(project, annotator)).toBe(tasks[0]);
    // the same task handed again (the caller's lock) is not listed twice
    expect(await nextId(project, annotator)).toBe(tasks[0]);
    expect(await history(project, annotator)).toEqual([{ taskId: tasks[0], annotationId: null }]);
    const first = await annotate(tasks[0], annotator);
    expect(await nextId(project, annotator)).toBe(tasks[1]);
    const skipped = await annotate(tasks[1], annotator, '?was_cancelled=1');
    expect(await nextId(project, annotator)).toBe(tasks[2]);
    expect(await history(project, annotator)).toEqual([
      { taskId: tasks[0], annotationId: first },
      { taskId: tasks[1], annotationId: skipped },
      { taskId: tasks[2], annotationId: null },
    ]);
    const stored = await rows(annotator.userId, project);
    expect(
      stored.map((row) => [Number(row.task_id), row.annotation_id && Number(row.annotation_id)]),
    ).toEqual([
      [tasks[0], first],
      [tasks[1], skipped],
      [tasks[2], null],
    ]);
    // each user has their own history: another's annotation of a task fills nothing of theirs
    const handed = await nextId(project, other);
    await annotate(handed, owner);
    expect(await history(project, annotator)).toEqual([
      { taskId: tasks[0], annotationId: first },
      { taskId: tasks[1], annotationId: skipped },
      { taskId: tasks[2], annotationId: null },
    ]);
    expect(await history(project, other)).toEqual([{ taskId: handed, annotationId: null }]);
  });

  it('forgets deleted tasks and empties the entries of deleted annotations', async () => {
    const { project, tasks } = await projectOf(2);
    await nextId(project, annotator);
    const annotation = await annotate(tasks[0], annotator);
    await nextId(project, annotator);
    await http().delete(`/api/annotations/${annotation}/`).set(owner.headers).expect(204);
    await http().delete(`/api/tasks/${tasks[1]}/`).set(owner.headers).expect(204);
    expect(await history(project, annotator)).toEqual([{ taskId: tasks[0], annotationId: null }]);
    expect(await rows(annotator.userId, project)).toHaveLength(1);
  });

  it('keeps the newest LABEL_STREAM_HISTORY_LIMIT (100) entries per user and project', async () => {
    const { project, tasks } = await projectOf(103);
    for (let n = 0; n < 103; n += 1) {
      expect(await nextId(project, annotator)).toBe(tasks[n]);
      await annotate(tasks[n], annotator, '?was_cancelled=1');
    }
    const listed = await history(project, annotator);
    expect(listed).toHaveLength(100);
    expect(listed[0].taskId).toBe(tasks[3]);
    expect(listed[99].taskId).toBe(tasks[102]);
    expect(await rows(annotator.userId, project)).toHaveLength(100);
  }, 120_000);

  it("records the data manager's next_task too", async () => {
    const { project, tasks } = await projectOf(2);
    const view = await api.view(project);
    const picked = await http()
      .post('/api/dm/actions/')
      .query({ id: 'next_task', project, tabID: view.id })
      .set(owner.headers)
      .send({})
      .skipContract('next_task answers the task, which the contract does not describe')
      .expect(200);
    expect(picked.body.id).toBe(tasks[0]);
    expect(await history(project, owner)).toEqual([{ taskId: tasks[0], annotationId: null }]);
    const annotation = await annotate(tasks[0], owner);
    expect(await history(project, owner)).toEqual([{ taskId: tasks[0], annotationId: annotation }]);
  });

  it('answers 404 for another organization and records nothing there', async () => {
    const { project } = await projectOf(1);
    await http()
      .get(`/api/projects/${project}/label-stream-history`)
      .set(stranger.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    await next(project, stranger).expect(404);
    expect(await rows(stranger.userId, project)).toEqual([]);
  });
});
