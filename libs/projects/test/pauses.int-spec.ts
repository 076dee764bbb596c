import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, TestOrganization } from './access-test-kit';

/** `/api/projects/{project_pk}/members/{user_pk}/pauses/` (behavior-enterprise.md §2.3). */
describe('pauses (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let manager: TestAccount;
  let annotator: TestAccount;
  let reviewer: TestAccount;
  let project: number;
  let stranger: TestOrganization;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    manager = await org.member('MA');
    annotator = await org.member('AN');
    reviewer = await org.member('RE');
    stranger = await TestOrganization.create(testApp);
    db = testApp.app.get(DataSource);
    project = await org.project(manager, { is_published: true });
    await org.addMember(manager, project, annotator.userId);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const pausesOf = (user: TestAccount, query = '') =>
    `/api/projects/${project}/members/${user.userId}/pauses/${query}`;

  it('pauses, edits and unpauses an annotator, keeping the history', async () => {
    const created = await http()
      .post(pausesOf(annotator))
      .set(manager.headers)
      .send({ reason: 'MANUAL', verbose_reason: 'Please read the guidelines' })
      .expect(201);
    expectContract('Pause', created.body);
    expect(created.body).toMatchObject({
      project,
      user: annotator.userId,
      paused_by: { id: manager.userId },
      reason: 'MANUAL',
      verbose_reason: 'Please read the guidelines',
      deleted_at: null,
      deleted_by: null,
    });
    const id = created.body.id as number;
    const member = await http()
      .get(`/api/projects/${project}/members/paginated/?ids=${annotator.userId}`)
      .set(manager.headers);
    expect(member.body.results[0].pause).toBe(String(id));

    const read = await http()
      .get(pausesOf(annotator, `${id}/`))
      .set(manager.headers)
      .expect(200);
    expect(read.body).toEqual(created.body);
    const patched = await http()
      .patch(pausesOf(annotator, `${id}/`))
      .set(manager.headers)
      .send({ verbose_reason: 'Read them again' })
      .expect(200);
    expect(patched.body).toMatchObject({ reason: 'MANUAL', verbose_reason: 'Read them again' });
    const put = await http()
      .put(pausesOf(annotator, `${id}/`))
      .set(manager.headers)
      .send({ reason: 'ANNOTATION_LIMIT' })
      .expect(200);
    expect(put.body).toMatchObject({ reason: 'ANNOTATION_LIMIT', verbose_reason: null });

    const listed = await http().get(pausesOf(annotator)).set(manager.headers).expect(200);
    expectContract(['Pause'], listed.body);
    expect(listed.body.map((row: { id: number }) => row.id)).toEqual([id]);

    await http()
      .delete(pausesOf(annotator, `${id}/`))
      .set(manager.headers)
      .expect(204);
    const [row] = await db.query(
      db.options.type === 'postgres'
        ? 'SELECT deleted_at, deleted_by_id FROM pause WHERE id = $1'
        : 'SELECT deleted_at, deleted_by_id FROM pause WHERE id = ?',
      [id],
    );
    expect(row.deleted_at).not.toBeNull();
    expect(Number(row.deleted_by_id)).toBe(manager.userId);
    const hidden = await http().get(pausesOf(annotator)).set(manager.headers).expect(200);
    expect(hidden.body).toEqual([]);
    const withDeleted = await http()
      .get(pausesOf(annotator, '?include_deleted=true'))
      .set(manager.headers)
      .expect(200);
    expect(withDeleted.body).toEqual([
      expect.objectContaining({ id, deleted_by: manager.userId, deleted_at: expect.any(String) }),
    ]);
    const unpaused = await http()
      .get(`/api/projects/${project}/members/paginated/?ids=${annotator.userId}`)
      .set(manager.headers);
    expect(unpaused.body.results[0].pause).toBe('');
  });

  it('orders the list and keeps pauses apart per project and user', async () => {
    const first = await http()
      .post(pausesOf(reviewer))
      .set(manager.headers)
      .send({ reason: 'BEHAVIOR_BASED' })
      .expect(201);
    const second = await http()
      .post(pausesOf(reviewer))
      .set(manager.headers)
      .send({ reason: 'CUSTOM_SCRIPT', verbose_reason: null })
      .expect(201);
    const newest = await http().get(pausesOf(reviewer, '?ordering=-id')).set(manager.headers);
    expect(newest.body.map((row: { id: number }) => row.id)).toEqual([
      second.body.id,
      first.body.id,
    ]);
    // Another user's pause is not found under this user.
    await http()
      .get(pausesOf(annotator, `${first.body.id}/`))
      .set(manager.headers)
      .expect(404);
    await http()
      .delete(pausesOf(annotator, `${first.body.id}/`))
      .set(manager.headers)
      .expect(404);
    await http().get(pausesOf(reviewer, 'abc/')).set(manager.headers).expect(404);
  });

  it('refuses to pause managers and bad input', async () => {
    const admin = await org.member('AD');
    for (const account of [manager, admin, org.owner]) {
      const refused = await http()
        .post(pausesOf(account))
        .set(org.owner.headers)
        .send({ reason: 'MANUAL' })
        .expect(400);
      expect(refused.body.validation_errors.user).toBeDefined();
    }
    for (const body of [{}, { reason: 'BORED' }, { reason: 'MANUAL', verbose_reason: 5 }]) {
      await http().post(pausesOf(annotator)).set(manager.headers).send(body).expect(400);
    }
    await http()
      .post(pausesOf(annotator))
      .set(manager.headers)
      .send({ reason: 'MANUAL', verbose_reason: 'x'.repeat(10_001) })
      .expect(400);
    await http().get(pausesOf(annotator, '?ordering=password')).set(manager.headers).expect(400);
  });

  it('refuses annotators, and hides other projects and organizations', async () => {
    const pause = await http()
      .post(pausesOf(annotator))
      .set(manager.headers)
      .send({ reason: 'MANUAL' })
      .expect(201);
    const path = pausesOf(annotator, `${pause.body.id}/`);
    await http().get(pausesOf(annotator)).set(annotator.headers).expect(403);
    await http()
      .post(pausesOf(reviewer))
      .set(annotator.headers)
      .send({ reason: 'MANUAL' })
      .expect(403);
    await http().patch(path).set(annotator.headers).send({ reason: 'MANUAL' }).expect(403);
    await http().delete(path).set(annotator.headers).expect(403);

    // A manager who does not see the project: 404, as for a missing one.
    const otherManager = await org.member('MA');
    await http().get(pausesOf(annotator)).set(otherManager.headers).expect(404);
    await http().get(path).set(otherManager.headers).expect(404);

    const foreign = await stranger.project(stranger.owner);
    const foreignMember = await stranger.member('AN');
    const foreignPause = await http()
      .post(`/api/projects/${foreign}/members/${foreignMember.userId}/pauses/`)
      .set(stranger.owner.headers)
      .send({ reason: 'MANUAL' })
      .expect(201);
    const owner = org.owner.headers;
    const base = `/api/projects/${foreign}/members/${foreignMember.userId}/pauses/`;
    const calls = [
      http().get(base).set(owner),
      http().post(base).set(owner).send({ reason: 'MANUAL' }),
      http().get(`${base}${foreignPause.body.id}/`).set(owner),
      http().put(`${base}${foreignPause.body.id}/`).set(owner).send({ reason: 'MANUAL' }),
      http().patch(`${base}${foreignPause.body.id}/`).set(owner).send({ reason: 'MANUAL' }),
      http().delete(`${base}${foreignPause.body.id}/`).set(owner),
      // The organization's own project, another organization's user or pause.
      http().get(`/api/projects/${project}/members/${foreignMember.userId}/pauses/`).set(owner),
      http()
        .get(pausesOf(annotator, `${foreignPause.body.id}/`))
        .set(owner),
    ];
    for (const call of calls) await call.expect(404);
  });
});
