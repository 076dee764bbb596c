import { DataSource } from 'typeorm';
import { AnnotationDraft } from '@ls/annotations';
import { ProjectAccessRegistry } from '@ls/auth';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const NOT_IN_CONTRACT = 'not in the contract';
const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];

/**
 * What annotators and reviewers see of a project's tasks (Enterprise §1.5): the data manager's
 * task list and its totals, the project's task list, a task by id and the label stream.
 */
describe('task visibility by role (int)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let owner: TestAccount;
  let manager: TestAccount;
  let annotatorA: TestAccount;
  let annotatorB: TestAccount;
  let reviewer: TestAccount;
  let project: number;
  let tasks: number[];
  const annotationOf: Record<string, number> = {};

  const http = () => testApp.http();
  const annotate = async (task: number, account: TestAccount) => {
    const response = await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(account.headers)
      .send({ result: cat })
      .expect(201);
    return response.body.id as number;
  };
  const taskList = async (account: TestAccount, query = '') => {
    const response = await http()
      .get(`/api/tasks/?project=${project}&fields=all${query}`)
      .set(account.headers)
      .expect(200);
    return response.body as {
      total: number;
      total_annotations: number;
      tasks: { id: number; annotations: { id: number }[] }[];
    };
  };
  const listedIds = async (account: TestAccount) =>
    (await taskList(account)).tasks.map((task) => task.id);
  const projectTaskIds = async (account: TestAccount) => {
    const response = await http()
      .get(`/api/projects/${project}/tasks/`)
      .set(account.headers)
      .expect(200);
    return (response.body as { id: number }[]).map((task) => task.id);
  };
  const next = (account: TestAccount) =>
    http().get(`/api/projects/${project}/next/`).set(account.headers).skipContract(NOT_IN_CONTRACT);
  const settle = (body: Record<string, unknown>) =>
    http().patch(`/api/projects/${project}/`).set(owner.headers).send(body).expect(200);
  const assign = (task: number, account: TestAccount, type: 'AN' | 'RE') =>
    http()
      .post(`/api/projects/${project}/tasks/${task}/assignees`)
      .set(owner.headers)
      .send({ type, users: [account.userId] })
      .expect(200);
  const unassignAll = () => dataSource.query('DELETE FROM task_assignment');

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    const member = (role: 'MA' | 'AN' | 'RE') =>
      createAccount(testApp.app, { organizationId: owner.organizationId, role });
    manager = await member('MA');
    annotatorA = await member('AN');
    annotatorB = await member('AN');
    reviewer = await member('RE');
    const api = dataManagerApiOf(testApp, owner);
    project = await api.project({ is_published: true, show_annotation_history: true });
    for (const account of [manager, annotatorA, annotatorB, reviewer]) {
      await http()
        .post(`/api/projects/${project}/members`)
        .set(owner.headers)
        .send({ user: account.userId })
        .expect(201);
    }
    tasks = [];
    for (let n = 1; n <= 4; n += 1) {
      tasks.push(await api.task(project, { image: `${n}.jpg`, caption: `task ${n}` }));
    }
    annotationOf.a1 = await annotate(tasks[0], annotatorA);
    annotationOf.a2 = await annotate(tasks[1], annotatorA);
    annotationOf.b3 = await annotate(tasks[2], annotatorB);
    annotationOf.b1 = await annotate(tasks[0], annotatorB);
  });

  afterAll(() => testApp.close());

  afterEach(async () => {
    await unassignAll();
    await dataSource.getRepository(AnnotationDraft).clear();
    await settle({
      assignment_settings: { label_stream_task_distribution: 'auto_distribution' },
      review_settings: {
        review_only_manual_assignments: false,
        show_data_manager_to_reviewers: true,
      },
      show_annotation_history: true,
    });
  });

  it('lists to an annotator only the tasks they annotated, with totals and their own annotations', async () => {
    const page = await taskList(annotatorA);
    expect(page.tasks.map((task) => task.id)).toEqual([tasks[0], tasks[1]]);
    expect(page.total).toBe(2);
    // the tasks' counters: task 1 holds two annotations, task 2 one
    expect(page.total_annotations).toBe(3);
    const first = page.tasks.find((task) => task.id === tasks[0]);
    expect(first?.annotations.map((annotation) => annotation.id)).toEqual([annotationOf.a1]);
    expect(await listedIds(annotatorB)).toEqual([tasks[0], tasks[2]]);
    expect(await projectTaskIds(annotatorA)).toEqual([tasks[0], tasks[1]]);
    // the totals of a second page agree, and a filter narrows within the visible tasks only
    const second = await taskList(annotatorA, '&page=2&page_size=1');
    expect(second.tasks.map((task) => task.id)).toEqual([tasks[1]]);
    expect(second.total).toBe(2);
    // a tab of the annotator lists the same tasks
    const view = await http()
      .post('/api/dm/views/')
      .set(annotatorA.headers)
      .send({ project, data: {} })
      .expect(201);
    const byView = await http()
      .get(`/api/tasks/?view=${view.body.id}`)
      .set(annotatorA.headers)
      .expect(200);
    expect(byView.body.tasks.map((task: { id: number }) => task.id)).toEqual([tasks[0], tasks[1]]);
    expect(byView.body.total).toBe(2);
  });

  it("gives an annotator rows without anyone else's work", async () => {
    const [row] = (await taskList(annotatorA)).tasks as unknown as Record<string, unknown>[];
    expect(row).toMatchObject({ id: tasks[0], data: { image: '1.jpg', caption: 'task 1' } });
    for (const hidden of [
      'annotators',
      'agreement',
      'reviewers',
      'updated_by',
      'file_upload',
      'meta',
    ]) {
      expect(row).not.toHaveProperty(hidden);
    }
    const [managerRow] = (await taskList(manager)).tasks as unknown as Record<string, unknown>[];
    expect(managerRow.annotators).toEqual([annotatorA.userId, annotatorB.userId]);
  });

  it('keeps the task list from annotators and reviewers when the project hides the Data Manager', async () => {
    await settle({ show_annotation_history: false });
    for (const path of [`/api/tasks/?project=${project}`, `/api/projects/${project}/tasks/`]) {
      const refused = await http().get(path).set(annotatorA.headers).expect(403);
      expect(refused.body.detail).toMatch(/not shown to annotators/);
      await http().get(path).set(reviewer.headers).expect(200);
    }
    // the label stream and the tasks it serves do not depend on it
    await http().get(`/api/tasks/${tasks[0]}/`).set(annotatorA.headers).expect(200);
    await next(annotatorA).expect(200);
    await dataSource.query('DELETE FROM task_lock');
    await settle({ review_settings: { show_data_manager_to_reviewers: false } });
    await http().get(`/api/tasks/?project=${project}`).set(reviewer.headers).expect(403);
    await http().get(`/api/tasks/?project=${project}`).set(manager.headers).expect(200);
  });

  it('answers 404 for a task outside what an annotator sees, and shows only their annotations', async () => {
    await http().get(`/api/tasks/${tasks[2]}/`).set(annotatorA.headers).expect(404);
    await http().get(`/api/tasks/${tasks[3]}/`).set(annotatorA.headers).expect(404);
    const shared = await http().get(`/api/tasks/${tasks[0]}/`).set(annotatorA.headers).expect(200);
    expect(shared.body.annotations.map((a: { id: number }) => a.id)).toEqual([annotationOf.a1]);
    const asManager = await http().get(`/api/tasks/${tasks[0]}/`).set(manager.headers).expect(200);
    expect(asManager.body.annotations.map((a: { id: number }) => a.id)).toEqual([
      annotationOf.a1,
      annotationOf.b1,
    ]);
  });

  it('adds the tasks an annotator keeps a draft of or is assigned to (automatic distribution)', async () => {
    await dataSource.getRepository(AnnotationDraft).insert({
      task_id: tasks[3],
      user_id: annotatorA.userId,
      result: cat,
      was_postponed: false,
    });
    await assign(tasks[2], annotatorA, 'AN');
    expect(await listedIds(annotatorA)).toEqual(tasks);
    expect((await taskList(annotatorA)).total).toBe(4);
    await http().get(`/api/tasks/${tasks[2]}/`).set(annotatorA.headers).expect(200);
    // an assignment to review does not show a task to annotate
    await unassignAll();
    await assign(tasks[2], annotatorA, 'RE');
    expect(await listedIds(annotatorA)).toEqual([tasks[0], tasks[1], tasks[3]]);
  });

  it('shows and serves an annotator only their assigned tasks under manual distribution', async () => {
    await settle({ assignment_settings: { label_stream_task_distribution: 'assigned_only' } });
    expect(await listedIds(annotatorA)).toEqual([]);
    expect((await taskList(annotatorA)).total).toBe(0);
    await next(annotatorA).expect(404);
    await assign(tasks[3], annotatorA, 'AN');
    expect(await listedIds(annotatorA)).toEqual([tasks[3]]);
    expect(await projectTaskIds(annotatorA)).toEqual([tasks[3]]);
    await http().get(`/api/tasks/${tasks[0]}/`).set(annotatorA.headers).expect(404);
    const served = await next(annotatorA).expect(200);
    expect(served.body).toMatchObject({ id: tasks[3], queue: 'Manually assigned queue' });
    // nothing else is handed out once the assigned task is done, although task 4 had room
    const done = await annotate(tasks[3], annotatorA);
    await next(annotatorA).expect(404);
    // B has no assignment: no task at all, where automatic distribution would serve task 4
    await next(annotatorB).expect(404);
    // nor may B label a task that is not assigned to them; nothing is written
    const before = await dataSource.query('SELECT count(*) AS n FROM annotation');
    await http()
      .post(`/api/tasks/${tasks[3]}/annotations/`)
      .set(annotatorB.headers)
      .send({ result: [] })
      .expect(404);
    expect(await dataSource.query('SELECT count(*) AS n FROM annotation')).toEqual(before);
    // managers are not limited by the mode
    expect(await listedIds(manager)).toEqual(tasks);
    await http().delete(`/api/annotations/${done}/`).set(owner.headers).expect(204);
  });

  it('lets an annotator open the task the label stream holds for them (automatic distribution)', async () => {
    const served = await next(annotatorB).expect(200);
    const held = served.body.id as number;
    expect(tasks).toContain(held);
    await http().get(`/api/tasks/${held}/`).set(annotatorB.headers).expect(200);
    expect(await listedIds(annotatorB)).toContain(held);
    await dataSource.query('DELETE FROM task_lock');
    if (![tasks[0], tasks[2]].includes(held)) {
      await http().get(`/api/tasks/${held}/`).set(annotatorB.headers).expect(404);
    }
  });

  it('shows a reviewer every task, or only the ones assigned for review when the project says', async () => {
    expect(await listedIds(reviewer)).toEqual(tasks);
    const all = await http().get(`/api/tasks/${tasks[0]}/`).set(reviewer.headers).expect(200);
    expect(all.body.annotations).toHaveLength(2);
    await settle({ review_settings: { review_only_manual_assignments: true } });
    expect(await listedIds(reviewer)).toEqual([]);
    await assign(tasks[1], reviewer, 'RE');
    await assign(tasks[2], reviewer, 'AN');
    const page = await taskList(reviewer);
    expect(page.tasks.map((task) => task.id)).toEqual([tasks[1]]);
    expect(page.total).toBe(1);
    await http().get(`/api/tasks/${tasks[0]}/`).set(reviewer.headers).expect(404);
    await http().get(`/api/tasks/${tasks[1]}/`).set(reviewer.headers).expect(200);
    // annotators are not concerned by the review setting
    expect(await listedIds(annotatorA)).toEqual([tasks[0], tasks[1]]);
  });

  it('gives an annotator\'s "Label All Tasks" their label stream, not the tasks they already see', async () => {
    const tab = await http()
      .post('/api/dm/views/')
      .set(annotatorA.headers)
      .send({ project, data: {} })
      .expect(201);
    const labelAll = (account: TestAccount) =>
      http()
        .post(`/api/dm/actions?id=next_task&tabID=${tab.body.id}&project=${project}`)
        .set(account.headers)
        .send({})
        .skipContract(NOT_IN_CONTRACT);
    // A annotated tasks 1 and 2: the list shows those, the stream serves a task A has not done
    const served = await labelAll(annotatorA).expect(200);
    expect([tasks[2], tasks[3]]).toContain(served.body.id);
    const locks = await dataSource.query(
      `SELECT task_id FROM task_lock WHERE user_id = ${Number(annotatorA.userId)}`,
    );
    expect(locks.map((row: { task_id: number }) => Number(row.task_id))).toEqual([served.body.id]);
    await dataSource.query('DELETE FROM task_lock');
  });

  it('lets a manager and the owner see every task with its totals', async () => {
    for (const account of [manager, owner]) {
      const page = await taskList(account);
      expect(page.tasks.map((task) => task.id)).toEqual(tasks);
      expect(page.total).toBe(4);
      expect(page.total_annotations).toBe(4);
    }
  });

  it('refuses the label stream to a paused annotator with the reason of the pause', async () => {
    const registry = testApp.app.get(ProjectAccessRegistry);
    const at = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
    const pause = async (verbose: string | null) => {
      await dataSource.query(
        `INSERT INTO pause (project_id, user_id, paused_by_id, reason, verbose_reason)
         VALUES (${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)})`,
        [project, annotatorB.userId, owner.userId, 'MANUAL', verbose],
      );
      registry.current()?.forget(project);
    };
    await pause('Too fast: please read the guidelines again.');
    const refused = await next(annotatorB).expect(403);
    expect(refused.body.detail).toBe('Too fast: please read the guidelines again.');
    await http()
      .post(`/api/tasks/${tasks[3]}/annotations/`)
      .set(annotatorB.headers)
      .send({ result: cat })
      .expect(403);
    await dataSource.query('DELETE FROM pause');
    await pause(null);
    const byDefault = await next(annotatorB).expect(403);
    expect(byDefault.body.detail).toMatch(/paused/);
    // resumed: the stream serves again
    await dataSource.query('DELETE FROM pause');
    registry.current()?.forget(project);
    await next(annotatorB).expect(200);
    const written = await dataSource.query(`SELECT id FROM annotation WHERE task_id = ${at(1)}`, [
      tasks[3],
    ]);
    expect(written).toEqual([]);
  });
});
