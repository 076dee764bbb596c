import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { ProjectAccessRegistry } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice } from './fixtures';

const NOT_IN_CONTRACT = 'the drafts routes are not in the contract';

interface DraftRow {
  id: number;
  user_id: number;
  task_id: number;
  annotation_id: number | null;
  result: unknown;
  lead_time: number | null;
  was_postponed: boolean | number;
  created_at: unknown;
}

/**
 * Drafts, the labeling editor's autosave (Label Studio's `AnnotationDraftListAPI`,
 * `AnnotationDraftAPI`, `AnnotationConvertAPI` and `draft_id` on annotation create), checked on
 * the stored rows.
 */
describe('drafts (int)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let owner: TestAccount;
  let manager: TestAccount;
  let reviewer: TestAccount;
  let annotatorA: TestAccount;
  let annotatorB: TestAccount;
  let stranger: TestAccount;
  let project: number;
  const events: string[] = [];

  const http = () => testApp.http();
  const rows = async (where: string): Promise<DraftRow[]> =>
    dataSource.query(
      `SELECT id, user_id, task_id, annotation_id, result, lead_time, was_postponed, created_at
       FROM annotation_draft WHERE ${where} ORDER BY id`,
    );
  const draftRow = async (id: number) => (await rows(`id = ${Number(id)}`))[0];
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  const taskCounters = async (task: number) =>
    (
      await dataSource.query(
        `SELECT total_annotations, is_labeled FROM task WHERE id = ${Number(task)}`,
      )
    )[0] as { total_annotations: number; is_labeled: boolean | number };
  const createDraft = (task: number, account: TestAccount, body: Record<string, unknown>) =>
    http()
      .post(`/api/tasks/${task}/drafts`)
      .set(account.headers)
      .send(body)
      .skipContract(NOT_IN_CONTRACT);
  const byId = (method: 'get' | 'patch' | 'delete', id: number, account: TestAccount) =>
    http()[method](`/api/drafts/${id}`).set(account.headers).skipContract(NOT_IN_CONTRACT);

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    const member = (role: 'MA' | 'AN' | 'RE') =>
      createAccount(testApp.app, { organizationId: owner.organizationId, role });
    manager = await member('MA');
    reviewer = await member('RE');
    annotatorA = await member('AN');
    annotatorB = await member('AN');
    stranger = await createAccount(testApp.app);
    project = await apiOf(testApp, owner).project();
    testApp.app.get(EventEmitter2).onAny((name) => events.push(String(name)));
  });

  afterAll(() => testApp.close());

  it('creates, lists, reads, patches and deletes a draft of a new annotation', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const created = await createDraft(task, annotatorA, {
      result: [choice('Positive')],
      lead_time: 4.5,
    }).expect(201);
    expect(created.body).toMatchObject({
      task,
      annotation: null,
      user: annotatorA.userId,
      lead_time: 4.5,
      was_postponed: false,
      import_id: null,
      result: [choice('Positive')],
    });
    expect(created.body.created_username).toContain(`${annotatorA.email}, ${annotatorA.userId}`);
    expect(typeof created.body.created_ago).toBe('string');
    const stored = await draftRow(created.body.id);
    expect(Number(stored.user_id)).toBe(annotatorA.userId);
    expect(Number(stored.task_id)).toBe(task);
    expect(stored.annotation_id).toBeNull();
    expect(json(stored.result)).toEqual([choice('Positive')]);

    // another annotator's draft of the same task is theirs alone
    await createDraft(task, annotatorB, { result: [] }).expect(201);
    const listed = await http()
      .get(`/api/tasks/${task}/drafts`)
      .set(annotatorA.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(200);
    expect(listed.body.map((draft: { id: number }) => draft.id)).toEqual([created.body.id]);
    const read = await byId('get', created.body.id, annotatorA).expect(200);
    expect(read.body).toMatchObject({ id: created.body.id, task, user: annotatorA.userId });

    const patched = await byId('patch', created.body.id, annotatorA)
      .send({ result: JSON.stringify([choice('Negative')]), was_postponed: true, lead_time: 9 })
      .expect(200);
    expect(patched.body).toMatchObject({ was_postponed: true, lead_time: 9 });
    const changed = await draftRow(created.body.id);
    expect(json(changed.result)).toEqual([choice('Negative')]);
    expect(Boolean(changed.was_postponed)).toBe(true);
    expect(Number(changed.lead_time)).toBe(9);

    // the task shows the caller their draft
    const shown = await http().get(`/api/tasks/${task}/`).set(annotatorA.headers).expect(200);
    expect(shown.body.drafts.map((draft: { id: number }) => draft.id)).toEqual([created.body.id]);

    await byId('delete', created.body.id, annotatorA).expect(204);
    expect(await draftRow(created.body.id)).toBeUndefined();
    await byId('get', created.body.id, annotatorA).expect(404);
  });

  it('refuses bad input with 400 and the usual error body, writing nothing', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const missing = await createDraft(task, annotatorA, { lead_time: 1 }).expect(400);
    expect(missing.body.validation_errors).toEqual({ result: ['This field is required.'] });
    const notList = await createDraft(task, annotatorA, { result: { a: 1 } }).expect(400);
    expect(notList.body.validation_errors.result).toEqual([
      'annotation "result" field in annotation must be list',
    ]);
    await createDraft(task, annotatorA, { result: [1, 2] }).expect(400);
    await createDraft(task, annotatorA, { result: [], lead_time: 'slow' }).expect(400);
    await createDraft(task, annotatorA, { result: [], was_postponed: 'maybe' }).expect(400);
    expect(await rows(`task_id = ${Number(task)}`)).toEqual([]);
    const draft = (await createDraft(task, annotatorA, { result: [] }).expect(201)).body.id;
    await byId('patch', draft, annotatorA).send({ result: 'not json' }).expect(400);
    expect(json((await draftRow(draft)).result)).toEqual([]);
  });

  it('drafts an existing annotation, and saving the annotation deletes its drafts', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const annotation = (await apiOf(testApp, annotatorA).annotate(task)).id;
    const other = (await apiOf(testApp, annotatorB).annotate(task)).id;
    const draft = await http()
      .post(`/api/tasks/${task}/annotations/${annotation}/drafts`)
      .set(annotatorA.headers)
      .send({ result: [choice('Neutral')] })
      .skipContract(NOT_IN_CONTRACT)
      .expect(201);
    expect(draft.body).toMatchObject({ task, annotation, user: annotatorA.userId });
    expect(Number((await draftRow(draft.body.id)).annotation_id)).toBe(annotation);
    // an annotator may not draft another's annotation (they cannot see it), nor one of another task
    await http()
      .post(`/api/tasks/${task}/annotations/${other}/drafts`)
      .set(annotatorA.headers)
      .send({ result: [] })
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    const elsewhere = await apiOf(testApp, owner).task(project);
    await http()
      .post(`/api/tasks/${elsewhere}/annotations/${annotation}/drafts`)
      .set(annotatorA.headers)
      .send({ result: [] })
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    // a reviewer may draft changes to anyone's
    await http()
      .post(`/api/tasks/${task}/annotations/${other}/drafts`)
      .set(reviewer.headers)
      .send({ result: [] })
      .skipContract(NOT_IN_CONTRACT)
      .expect(201);
    expect(await rows(`annotation_id = ${Number(other)}`)).toHaveLength(1);

    await http()
      .patch(`/api/annotations/${annotation}/`)
      .set(annotatorA.headers)
      .send({ result: [choice('Neutral')] })
      .expect(200);
    expect(await rows(`annotation_id = ${Number(annotation)}`)).toEqual([]);
    expect(await rows(`annotation_id = ${Number(other)}`)).toHaveLength(1);
  });

  it('creates an annotation from a draft: draft_created_at kept, the draft deleted', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const draft = (
      await createDraft(task, annotatorA, { result: [choice('Positive')] }).expect(201)
    ).body;
    const created = await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(annotatorA.headers)
      .send({ result: [choice('Positive')], draft_id: draft.id })
      .expect(201);
    expect(new Date(created.body.draft_created_at).getTime()).toBe(
      new Date(draft.created_at).getTime(),
    );
    const [stored] = await dataSource.query(
      `SELECT draft_created_at FROM annotation WHERE id = ${Number(created.body.id)}`,
    );
    expect(stored.draft_created_at).not.toBeNull();
    expect(await draftRow(draft.id)).toBeUndefined();
    expect(Number((await taskCounters(task)).total_annotations)).toBe(1);
  });

  it("refuses (403) a draft_id that is not the caller's draft of this task, writing nothing", async () => {
    const task = await apiOf(testApp, owner).task(project);
    const otherTask = await apiOf(testApp, owner).task(project);
    const ofB = (await createDraft(task, annotatorB, { result: [] }).expect(201)).body.id;
    const ofAElsewhere = (await createDraft(otherTask, annotatorA, { result: [] }).expect(201)).body
      .id;
    const ofStranger = await (async () => {
      const strangerProject = await apiOf(testApp, stranger).project();
      const strangerTask = await apiOf(testApp, stranger).task(strangerProject);
      return (await createDraft(strangerTask, stranger, { result: [] }).expect(201)).body.id;
    })();
    for (const draftId of [ofB, ofAElsewhere, ofStranger, 987654]) {
      const refused = await http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(annotatorA.headers)
        .send({ result: [choice('Positive')], draft_id: draftId })
        .expect(403);
      expect(refused.body.detail).toBe(`You have no permission to draft id:${draftId}`);
    }
    expect(Number((await taskCounters(task)).total_annotations)).toBe(0);
    expect(await draftRow(ofB)).toBeDefined();
    expect(await draftRow(ofAElsewhere)).toBeDefined();
  });

  it('converts an annotation to a draft of the caller, deleting it as delete does', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const annotation = (await apiOf(testApp, annotatorA).annotate(task, { lead_time: 12 })).id;
    expect(Number((await taskCounters(task)).total_annotations)).toBe(1);
    events.length = 0;
    const converted = await http()
      .post(`/api/annotations/${annotation}/convert-to-draft`)
      .set(annotatorA.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(201);
    expect(converted.body).toMatchObject({
      task,
      annotation: null,
      user: annotatorA.userId,
      lead_time: 12,
      result: [choice('Positive')],
    });
    const stored = await draftRow(converted.body.id);
    expect(Number(stored.user_id)).toBe(annotatorA.userId);
    expect(json(stored.result)).toEqual([choice('Positive')]);
    expect(
      await dataSource.query(`SELECT id FROM annotation WHERE id = ${Number(annotation)}`),
    ).toEqual([]);
    const counters = await taskCounters(task);
    expect(Number(counters.total_annotations)).toBe(0);
    expect(Boolean(counters.is_labeled)).toBe(false);
    expect(events).toContain('annotations.annotations.deleted');

    // limited roles convert only their own: a reviewer gets 403, an annotator 404 (not visible)
    const ofB = (await apiOf(testApp, annotatorB).annotate(task)).id;
    await http()
      .post(`/api/annotations/${ofB}/convert-to-draft`)
      .set(reviewer.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(403);
    await http()
      .post(`/api/annotations/${ofB}/convert-to-draft`)
      .set(annotatorA.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    await http()
      .post(`/api/annotations/${ofB}/convert-to-draft`)
      .set(stranger.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    expect(
      await dataSource.query(`SELECT id FROM annotation WHERE id = ${Number(ofB)}`),
    ).toHaveLength(1);
    // a manager converts anyone's, into a draft of their own
    const byManager = await http()
      .post(`/api/annotations/${ofB}/convert-to-draft`)
      .set(manager.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(201);
    expect(Number((await draftRow(byManager.body.id)).user_id)).toBe(manager.userId);
  });

  it("lets managers reach anyone's draft by id; a reviewer gets 403, an annotator 404", async () => {
    const task = await apiOf(testApp, owner).task(project);
    const draft = (await createDraft(task, annotatorA, { result: [] }).expect(201)).body.id;
    await byId('get', draft, annotatorB).expect(404);
    await byId('patch', draft, annotatorB)
      .send({ result: [choice('Negative')] })
      .expect(404);
    await byId('delete', draft, annotatorB).expect(404);
    await byId('get', draft, reviewer).expect(403);
    await byId('patch', draft, reviewer).send({ was_postponed: true }).expect(403);
    await byId('delete', draft, reviewer).expect(403);
    expect(Boolean((await draftRow(draft)).was_postponed)).toBe(false);
    const read = await byId('get', draft, manager).expect(200);
    expect(read.body.created_username).toContain(annotatorA.email);
    await byId('patch', draft, manager).send({ lead_time: 3 }).expect(200);
    expect(Number((await draftRow(draft)).lead_time)).toBe(3);
    // the list shows each caller their own only
    const listed = await http()
      .get(`/api/tasks/${task}/drafts`)
      .set(manager.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(200);
    expect(listed.body).toEqual([]);
    await byId('delete', draft, owner).expect(204);
    expect(await draftRow(draft)).toBeUndefined();
  });

  it('answers 404 to another organization, touching nothing', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const draft = (await createDraft(task, annotatorA, { result: [] }).expect(201)).body.id;
    await http()
      .get(`/api/tasks/${task}/drafts`)
      .set(stranger.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(404);
    await createDraft(task, stranger, { result: [] }).expect(404);
    await byId('get', draft, stranger).expect(404);
    await byId('patch', draft, stranger)
      .send({ result: [choice('Negative')] })
      .expect(404);
    await byId('delete', draft, stranger).expect(404);
    expect(await rows(`task_id = ${Number(task)}`)).toHaveLength(1);
    expect(json((await draftRow(draft)).result)).toEqual([]);
  });

  it('refuses drafts to a paused annotator, as annotation create does', async () => {
    const task = await apiOf(testApp, owner).task(project);
    const draft = (await createDraft(task, annotatorB, { result: [] }).expect(201)).body.id;
    await dataSource.query(
      `INSERT INTO pause (project_id, user_id, paused_by_id, reason, verbose_reason)
       VALUES (${Number(project)}, ${Number(annotatorB.userId)}, ${Number(owner.userId)}, 'MANUAL', 'Take a break.')`,
    );
    testApp.app.get(ProjectAccessRegistry).current()?.forget(project);
    const refused = await createDraft(task, annotatorB, { result: [] }).expect(403);
    expect(refused.body.detail).toBe('Take a break.');
    await byId('patch', draft, annotatorB)
      .send({ result: [choice('Negative')] })
      .expect(403);
    expect(await rows(`task_id = ${Number(task)}`)).toHaveLength(1);
    expect(json((await draftRow(draft)).result)).toEqual([]);
    // others are not paused
    await createDraft(task, annotatorA, { result: [] }).expect(201);
  });

  it('keeps an annotator to the tasks they may label where tasks are assigned only', async () => {
    const assigned = await apiOf(testApp, owner).project({
      assignment_settings: { label_stream_task_distribution: 'assigned_only' },
    });
    const task = await apiOf(testApp, owner).task(assigned);
    await createDraft(task, annotatorA, { result: [] }).expect(404);
    expect(await rows(`task_id = ${Number(task)}`)).toEqual([]);
    await createDraft(task, manager, { result: [] }).expect(201);
  });
});
