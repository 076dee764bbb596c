import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';

const CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="label" toName="text">' +
  '<Choice value="a"/><Choice value="b"/></Choices></View>';
const CHOICE_A = [
  { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['a'] } },
];
const NOT_IN_CONTRACT = 'the label stream is not in the contract';

/**
 * Issue 17, what an annotator can do through the whole app: the tasks the label stream and their
 * assignments give them and nothing else, no destructive route, no one else's annotation, and no
 * work while paused. Every refusal is checked against the stored rows as well as the status.
 */
describe('an annotator in the whole app (e2e)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let owner: TestAccount;
  let annotator: TestAccount;
  let colleague: TestAccount;
  let project: number;
  let tasks: number[];

  const http = () => testApp.http();
  const count = async (sql: string): Promise<number> =>
    Number((await db.query(sql))[0].n as number | string);
  const next = (account: TestAccount, id = project) =>
    http().get(`/api/projects/${id}/next/`).set(account.headers).skipContract(NOT_IN_CONTRACT);
  const annotate = async (account: TestAccount, task: number) =>
    (
      await http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(account.headers)
        .send({ result: CHOICE_A })
        .expect(201)
    ).body.id as number;
  const listed = async (account: TestAccount, id = project) =>
    (
      (await http().get(`/api/tasks/?project=${id}&fields=all`).set(account.headers).expect(200))
        .body.tasks as { id: number; annotations: { id: number }[] }[]
    ).map((task) => task.id);
  const newProject = async (settings: Record<string, unknown>, texts: number) => {
    const created = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Annotators', label_config: CONFIG, is_published: true, ...settings })
      .expect(201);
    const id = created.body.id as number;
    for (const member of [annotator, colleague]) {
      await http()
        .post(`/api/projects/${id}/members/`)
        .set(owner.headers)
        .send({ user: member.userId })
        .expect(201);
    }
    await http()
      .post(`/api/projects/${id}/import?commit_to_project=true`)
      .set(owner.headers)
      .send(Array.from({ length: texts }, (_, n) => ({ text: `text ${n + 1}` })))
      .expect(201);
    const rows = (await db.query(
      `SELECT id FROM task WHERE project_id = ${Number(id)} ORDER BY id`,
    )) as { id: number }[];
    return { id, tasks: rows.map((row) => Number(row.id)) };
  };

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES] });
    db = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app, { organizationTitle: 'Annotators' });
    const join = { organizationId: owner.organizationId, role: 'AN' as const };
    annotator = await createAccount(testApp.app, join);
    colleague = await createAccount(testApp.app, join);
    ({ id: project, tasks } = await newProject(
      { show_annotation_history: true, maximum_annotations: 2 },
      6,
    ));
  }, 60_000);

  afterAll(() => testApp.close());

  it('sees in /api/tasks/ only the tasks the label stream gave them, with only their annotations', async () => {
    const served = await next(annotator).expect(200);
    const first = served.body.id as number;
    expect(tasks).toContain(first);
    const mine = await annotate(annotator, first);
    const theirs = await annotate(colleague, first);
    const otherTask = tasks.find((task) => task !== first) as number;
    await annotate(colleague, otherTask);

    expect(await listed(annotator)).toEqual([first]);
    expect(await listed(colleague)).toEqual([first, otherTask].sort((a, b) => a - b));
    expect((await listed(owner)).length).toBe(6);
    const page = await http()
      .get(`/api/tasks/?project=${project}&fields=all`)
      .set(annotator.headers)
      .expect(200);
    expect(page.body.total).toBe(1);
    expect(page.body.tasks[0].annotations.map((a: { id: number }) => a.id)).toEqual([mine]);
    expect(page.body.tasks[0]).not.toHaveProperty('annotators');

    // the colleague's annotation and task cannot be read
    await http().get(`/api/annotations/${theirs}/`).set(annotator.headers).expect(404);
    await http().get(`/api/tasks/${otherTask}/`).set(annotator.headers).expect(404);
    const ofTask = await http()
      .get(`/api/tasks/${first}/annotations/`)
      .set(annotator.headers)
      .expect(200);
    expect(ofTask.body.map((a: { id: number }) => a.id)).toEqual([mine]);

    // the next task is another one, which then shows in the list
    const second = (await next(annotator).expect(200)).body.id as number;
    expect(second).not.toBe(first);
    expect(await listed(annotator)).toContain(second);
  });

  it('is refused every destructive route, and nothing is removed', async () => {
    const annotationsBefore = await count('SELECT count(*) AS n FROM annotation');
    const [{ id: theirs }] = (await db.query(
      `SELECT id FROM annotation WHERE completed_by_id = ${Number(colleague.userId)} ORDER BY id LIMIT 1`,
    )) as { id: number }[];
    await http()
      .post(`/api/projects/${project}/import?commit_to_project=false`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\nuploaded\n'), 'more.csv')
      .expect(201);
    const uploadsBefore = await count(
      `SELECT count(*) AS n FROM file_upload WHERE project_id = ${Number(project)}`,
    );
    expect(uploadsBefore).toBe(1);

    const refusals = [
      http().delete(`/api/projects/${project}/`),
      http().delete(`/api/projects/${project}/tasks/`),
      http().delete(`/api/projects/${project}/file-uploads`).send({ file_upload_ids: [] }),
      http().delete(`/api/tasks/${tasks[0]}/`),
      http().delete(`/api/annotations/${theirs}/`),
      http()
        .post(`/api/dm/actions?id=delete_tasks&project=${project}`)
        .send({ selectedItems: { all: true, excluded: [] } }),
    ];
    for (const request of refusals) {
      const refused = await request.set(annotator.headers).expect(403);
      expect(typeof refused.body.detail).toBe('string');
    }

    expect(await count(`SELECT count(*) AS n FROM project WHERE id = ${Number(project)}`)).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM task WHERE project_id = ${Number(project)}`),
    ).toBe(6);
    expect(
      await count(`SELECT count(*) AS n FROM file_upload WHERE project_id = ${Number(project)}`),
    ).toBe(uploadsBefore);
    expect(await count('SELECT count(*) AS n FROM annotation')).toBe(annotationsBefore);
  });

  it('is kept from the task list when the project hides the Data Manager, but still labels', async () => {
    const hidden = await newProject({}, 2);
    const refused = await http()
      .get(`/api/tasks/?project=${hidden.id}`)
      .set(annotator.headers)
      .expect(403);
    expect(refused.body.detail).toMatch(/not shown to annotators/);
    const served = await next(annotator, hidden.id).expect(200);
    await annotate(annotator, served.body.id as number);
    expect((await listed(owner, hidden.id)).length).toBe(2);
  });

  it('under manual distribution gets only assigned tasks, and none once they are done', async () => {
    const manual = await newProject(
      {
        show_annotation_history: true,
        assignment_settings: { label_stream_task_distribution: 'assigned_only' },
      },
      3,
    );
    await next(annotator, manual.id).expect(404);
    expect(await listed(annotator, manual.id)).toEqual([]);
    await http()
      .post(`/api/projects/${manual.id}/tasks/${manual.tasks[1]}/assignees`)
      .set(owner.headers)
      .send({ type: 'AN', users: [annotator.userId] })
      .expect(200);
    expect(await listed(annotator, manual.id)).toEqual([manual.tasks[1]]);
    const served = await next(annotator, manual.id).expect(200);
    expect(served.body.id).toBe(manual.tasks[1]);
    await annotate(annotator, manual.tasks[1]);
    await next(annotator, manual.id).expect(404);
    // labelling a task that is not theirs: as if it were not there
    await http()
      .post(`/api/tasks/${manual.tasks[0]}/annotations/`)
      .set(annotator.headers)
      .send({ result: CHOICE_A })
      .expect(404);
    expect(
      await count(`SELECT count(*) AS n FROM annotation WHERE task_id = ${manual.tasks[0]}`),
    ).toBe(0);
  });

  it('when paused gets no task and cannot submit, until unpaused', async () => {
    const pause = await http()
      .post(`/api/projects/${project}/members/${annotator.userId}/pauses/`)
      .set(owner.headers)
      .send({ reason: 'MANUAL', verbose_reason: 'Please read the guidelines again.' })
      .expect(201);
    const refused = await next(annotator).expect(403);
    expect(refused.body.detail).toBe('Please read the guidelines again.');
    const free = tasks[tasks.length - 1];
    const before = await count(`SELECT count(*) AS n FROM annotation WHERE task_id = ${free}`);
    await http()
      .post(`/api/tasks/${free}/annotations/`)
      .set(annotator.headers)
      .send({ result: CHOICE_A })
      .expect(403);
    expect(await count(`SELECT count(*) AS n FROM annotation WHERE task_id = ${free}`)).toBe(
      before,
    );
    // a colleague is not concerned
    await next(colleague).expect(200);

    await http()
      .delete(`/api/projects/${project}/members/${annotator.userId}/pauses/${pause.body.id}/`)
      .set(owner.headers)
      .expect(204);
    await next(annotator).expect(200);
  });

  it("answers 404 for another organization's project, task and annotation", async () => {
    const stranger = await createAccount(testApp.app, { organizationTitle: 'Elsewhere' });
    const [{ id: annotation }] = (await db.query(
      `SELECT id FROM annotation ORDER BY id LIMIT 1`,
    )) as { id: number }[];
    for (const path of [
      `/api/projects/${project}/`,
      `/api/tasks/${tasks[0]}/`,
      `/api/annotations/${annotation}/`,
    ]) {
      await http().get(path).set(stranger.headers).expect(404);
    }
  });
});
