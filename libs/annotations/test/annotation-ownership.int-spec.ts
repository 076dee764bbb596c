import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { ProjectAccessRegistry } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice } from './fixtures';

/**
 * What annotators and reviewers see and may change of annotations (Enterprise §1.2, §1.5): an
 * annotator reads only their own; annotators and reviewers change and delete only their own;
 * managers and above any. A paused caller writes none.
 */
describe('annotation ownership by role (int)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let owner: TestAccount;
  let manager: TestAccount;
  let annotatorA: TestAccount;
  let annotatorB: TestAccount;
  let reviewer: TestAccount;
  let project: number;
  let shared: number;
  let ofA: number;
  let ofB: number;

  const http = () => testApp.http();
  const at = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
  const stored = async (id: number) =>
    dataSource.query(
      `SELECT result, completed_by_id, was_cancelled, updated_at FROM annotation WHERE id = ${at(1)}`,
      [id],
    );
  const idsIn = (body: { id: number }[]) => body.map((annotation) => annotation.id);

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    dataSource = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
    const member = (role: 'MA' | 'AN' | 'RE') =>
      createAccount(testApp.app, { organizationId: owner.organizationId, role });
    manager = await member('MA');
    annotatorA = await member('AN');
    annotatorB = await member('AN');
    reviewer = await member('RE');
    const api = apiOf(testApp, owner);
    project = await api.project({ is_published: true });
    for (const account of [manager, annotatorA, annotatorB, reviewer]) {
      await http()
        .post(`/api/projects/${project}/members`)
        .set(owner.headers)
        .send({ user: account.userId })
        .expect(201);
    }
    shared = await api.task(project);
    ofA = (await apiOf(testApp, annotatorA).annotate(shared)).id;
    ofB = (await apiOf(testApp, annotatorB).annotate(shared)).id;
  });

  afterAll(() => testApp.close());

  it("shows an annotator only their own annotations of a shared task; others' are 404", async () => {
    const mine = await http()
      .get(`/api/tasks/${shared}/annotations/`)
      .set(annotatorA.headers)
      .expect(200);
    expect(idsIn(mine.body)).toEqual([ofA]);
    await http().get(`/api/annotations/${ofA}/`).set(annotatorA.headers).expect(200);
    await http().get(`/api/annotations/${ofB}/`).set(annotatorA.headers).expect(404);
    for (const account of [reviewer, manager, owner]) {
      const all = await http()
        .get(`/api/tasks/${shared}/annotations/`)
        .set(account.headers)
        .expect(200);
      expect(idsIn(all.body)).toEqual([ofA, ofB]);
      await http().get(`/api/annotations/${ofB}/`).set(account.headers).expect(200);
    }
  });

  it("refuses an annotator's or a reviewer's change of another's annotation, changing nothing", async () => {
    const before = await stored(ofB);
    for (const account of [annotatorA, reviewer]) {
      await http()
        .patch(`/api/annotations/${ofB}/`)
        .set(account.headers)
        .send({ result: [choice('Negative')] })
        .expect(403);
      await http().delete(`/api/annotations/${ofB}/`).set(account.headers).expect(403);
    }
    expect(await stored(ofB)).toEqual(before);
  });

  it('lets an annotator change their own annotation, but not give it to someone else', async () => {
    const changed = await http()
      .patch(`/api/annotations/${ofA}/`)
      .set(annotatorA.headers)
      .send({ result: [choice('Neutral')] })
      .expect(200);
    expect(changed.body.result[0].value.choices).toEqual(['Neutral']);
    await http()
      .patch(`/api/annotations/${ofA}/`)
      .set(annotatorA.headers)
      .send({ completed_by: annotatorB.userId })
      .expect(403);
    await http()
      .post(`/api/tasks/${shared}/annotations/`)
      .set(annotatorA.headers)
      .send({ result: [choice('Positive')], completed_by: annotatorB.userId })
      .expect(403);
    expect(Number((await stored(ofA))[0].completed_by_id)).toBe(annotatorA.userId);
  });

  it("lets a manager change and delete anyone's annotation", async () => {
    const changed = await http()
      .patch(`/api/annotations/${ofB}/`)
      .set(manager.headers)
      .send({ result: [choice('Negative')] })
      .expect(200);
    expect(changed.body.result[0].value.choices).toEqual(['Negative']);
    const extra = (await apiOf(testApp, annotatorB).annotate(shared)).id;
    await http().delete(`/api/annotations/${extra}/`).set(manager.headers).expect(204);
    expect(await stored(extra)).toEqual([]);
  });

  it('lets an annotator delete their own annotation', async () => {
    const own = (await apiOf(testApp, annotatorA).annotate(shared)).id;
    await http().delete(`/api/annotations/${own}/`).set(annotatorA.headers).expect(204);
    expect(await stored(own)).toEqual([]);
  });

  it('refuses a new annotation to a paused annotator, with the reason of the pause', async () => {
    await dataSource.query(
      `INSERT INTO pause (project_id, user_id, paused_by_id, reason, verbose_reason)
       VALUES (${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)})`,
      [project, annotatorA.userId, owner.userId, 'ANNOTATION_LIMIT', 'Limit of 2 tasks reached.'],
    );
    testApp.app.get(ProjectAccessRegistry).current()?.forget(project);
    const count = async () =>
      Number(
        (
          await dataSource.query(`SELECT COUNT(*) AS n FROM annotation WHERE task_id = ${at(1)}`, [
            shared,
          ])
        )[0].n,
      );
    const before = await count();
    const refused = await http()
      .post(`/api/tasks/${shared}/annotations/`)
      .set(annotatorA.headers)
      .send({ result: [choice('Positive')] })
      .expect(403);
    expect(refused.body.detail).toBe('Limit of 2 tasks reached.');
    expect(await count()).toBe(before);
    // the pause is A's alone
    await apiOf(testApp, annotatorB).annotate(shared);
  });
});
