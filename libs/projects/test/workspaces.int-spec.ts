import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, sorted, TestOrganization } from './access-test-kit';

/** `/api/workspaces/` (behavior-enterprise.md §2.1). */
describe('workspaces (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let admin: TestAccount;
  let manager: TestAccount;
  let otherManager: TestAccount;
  let annotator: TestAccount;
  let stranger: TestOrganization;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    admin = await org.member('AD');
    manager = await org.member('MA');
    otherManager = await org.member('MA');
    annotator = await org.member('AN');
    stranger = await TestOrganization.create(testApp);
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const membersOf = async (workspace: number): Promise<number[]> =>
    sorted(
      (
        await db.query(
          db.options.type === 'postgres'
            ? 'SELECT user_id FROM workspace_member WHERE workspace_id = $1'
            : 'SELECT user_id FROM workspace_member WHERE workspace_id = ?',
          [workspace],
        )
      ).map((row: { user_id: number }) => Number(row.user_id)),
    );

  it('creates, reads, changes and deletes a workspace', async () => {
    const created = await http()
      .post('/api/workspaces/')
      .set(manager.headers)
      .send({ title: 'Team A', description: 'Cars', color: '#00FF00' })
      .expect(201);
    expectContract('Workspace', created.body);
    expect(created.body).toMatchObject({
      title: 'Team A',
      description: 'Cars',
      color: '#00FF00',
      is_personal: false,
      is_archived: false,
      created_by: manager.userId,
      membership: 'member',
      projects_count: 0,
    });
    const id = created.body.id as number;
    // The creator is its first member.
    expect(await membersOf(id)).toEqual([manager.userId]);

    await http().get(`/api/workspaces/${id}/`).set(manager.headers).expect(200);
    const patched = await http()
      .patch(`/api/workspaces/${id}`)
      .set(manager.headers)
      .send({ title: 'Team B', is_archived: true, description: null })
      .expect(200);
    expect(patched.body).toMatchObject({ title: 'Team B', is_archived: true, description: null });
    const [row] = await db.query(
      db.options.type === 'postgres'
        ? 'SELECT title, is_archived FROM workspace WHERE id = $1'
        : 'SELECT title, is_archived FROM workspace WHERE id = ?',
      [id],
    );
    expect({ title: row.title, is_archived: Boolean(row.is_archived) }).toEqual({
      title: 'Team B',
      is_archived: true,
    });

    await http().delete(`/api/workspaces/${id}/`).set(manager.headers).expect(204);
    await http().get(`/api/workspaces/${id}/`).set(manager.headers).expect(404);
    expect(await membersOf(id)).toEqual([]);
  });

  it('refuses bad input with 400', async () => {
    await http().post('/api/workspaces/').set(manager.headers).send({}).expect(400);
    await http()
      .post('/api/workspaces/')
      .set(manager.headers)
      .send({ title: 'x'.repeat(1001) })
      .expect(400);
    await http()
      .post('/api/workspaces/')
      .set(manager.headers)
      .send({ title: 'Colorful', color: '#'.repeat(17) })
      .expect(400);
    await http().get('/api/workspaces/?is_archived=maybe').set(manager.headers).expect(400);
    await http().get('/api/workspaces/?ordering=secret').set(manager.headers).expect(400);
  });

  it('makes a workspace personal only for its creator, once alone in it', async () => {
    const creator = await org.member('MA');
    const workspace = await org.workspace(creator, { title: 'Going private' });
    await org.addWorkspaceMember(creator, workspace, annotator.userId);
    const crowded = await http()
      .patch(`/api/workspaces/${workspace}/`)
      .set(creator.headers)
      .send({ is_personal: true })
      .expect(400);
    expect(crowded.body.validation_errors.is_personal).toBeDefined();
    await http()
      .delete(`/api/workspaces/${workspace}/memberships/`)
      .set(creator.headers)
      .send({ user_id: annotator.userId })
      .expect(204);
    await http()
      .patch(`/api/workspaces/${workspace}/`)
      .set(admin.headers)
      .send({ is_personal: true })
      .expect(400);
    const personal = await http()
      .patch(`/api/workspaces/${workspace}/`)
      .set(creator.headers)
      .send({ is_personal: true })
      .expect(200);
    expect(personal.body).toMatchObject({ is_personal: true, membership: '' });
    expect(await membersOf(workspace)).toEqual([]);
    await http().get(`/api/workspaces/${workspace}/`).set(admin.headers).expect(404);
    await http()
      .post(`/api/workspaces/${workspace}/memberships/`)
      .set(creator.headers)
      .send({ user: annotator.userId })
      .expect(400);
  });

  it('refuses to delete a workspace with projects', async () => {
    const workspace = await org.workspace(org.owner);
    const project = await org.project(org.owner, { workspace });
    const refused = await http()
      .delete(`/api/workspaces/${workspace}/`)
      .set(org.owner.headers)
      .expect(400);
    expect(refused.body.detail).toMatch(/projects/);
    await http()
      .delete(`/api/workspaces/${workspace}/projects/`)
      .set(org.owner.headers)
      .send({ project })
      .expect(204);
    await http().delete(`/api/workspaces/${workspace}/`).set(org.owner.headers).expect(204);
  });

  it('lists what each role sees, with filters and ordering', async () => {
    const shared = await org.workspace(org.owner, { title: 'Shared' });
    const managed = await org.workspace(manager, { title: 'Managed' });
    const archived = await org.workspace(org.owner, { title: 'Archived', is_archived: true });
    const sandbox = await org.workspace(manager, { title: 'Sandbox', is_personal: true });
    await org.addWorkspaceMember(org.owner, shared, annotator.userId);

    const ids = async (account: TestAccount, query = '') =>
      (
        (await http().get(`/api/workspaces/${query}`).set(account.headers).expect(200)).body as {
          id: number;
        }[]
      ).map((row) => row.id);

    const forAdmin = await ids(admin);
    expect(forAdmin).toEqual(expect.arrayContaining([shared, managed, archived]));
    expect(forAdmin).not.toContain(sandbox);
    expect(await ids(admin, '?include_all_workspaces=true')).toContain(sandbox);
    const all = await http()
      .get('/api/workspaces/?include_all_workspaces=true&is_personal=true')
      .set(admin.headers)
      .expect(200);
    expectContract(['Workspace'], all.body);
    expect(all.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: sandbox, created_by_user: manager.email }),
      ]),
    );
    expect(all.body.every((row: { is_personal: boolean }) => row.is_personal)).toBe(true);
    // Managers and annotators see no other user's sandbox, whatever they ask.
    expect(await ids(otherManager, '?include_all_workspaces=true')).not.toContain(sandbox);
    expect(sorted(await ids(manager))).toEqual(sorted([managed, sandbox]));
    expect(await ids(otherManager)).toEqual([]);
    expect(await ids(annotator)).toEqual([shared]);
    expect(await ids(org.owner, '?is_archived=true')).toEqual([archived]);
    expect(await ids(org.owner, '?is_archived=false')).not.toContain(archived);
    const byTitle = await http().get('/api/workspaces/?ordering=-title').set(org.owner.headers);
    const titles = (byTitle.body as { title: string }[]).map((row) => row.title);
    expect(titles).toEqual([...titles].sort().reverse());
  });

  it('lets a manager change only the workspaces they created or belong to', async () => {
    const owned = await org.workspace(org.owner, { title: 'Owner only' });
    await http().get(`/api/workspaces/${owned}/`).set(manager.headers).expect(404);
    await http()
      .patch(`/api/workspaces/${owned}/`)
      .set(manager.headers)
      .send({ title: 'Taken' })
      .expect(404);
    await http().delete(`/api/workspaces/${owned}/`).set(manager.headers).expect(404);
    await org.addWorkspaceMember(org.owner, owned, manager.userId);
    await http()
      .patch(`/api/workspaces/${owned}/`)
      .set(manager.headers)
      .send({ color: '#123456' })
      .expect(200);
    // Annotators never change workspaces, even their own.
    await org.addWorkspaceMember(org.owner, owned, annotator.userId);
    await http().get(`/api/workspaces/${owned}/`).set(annotator.headers).expect(200);
    await http().post('/api/workspaces/').set(annotator.headers).send({ title: 'No' }).expect(403);
    await http()
      .patch(`/api/workspaces/${owned}/`)
      .set(annotator.headers)
      .send({ title: 'No' })
      .expect(403);
    await http().delete(`/api/workspaces/${owned}/`).set(annotator.headers).expect(403);
    await http()
      .post(`/api/workspaces/${owned}/memberships/`)
      .set(annotator.headers)
      .send({ user: annotator.userId })
      .expect(403);
    await http()
      .post(`/api/workspaces/${owned}/memberships/bulk/`)
      .set(annotator.headers)
      .send({ all: true })
      .expect(403);
  });

  it('moves projects in and out, and counts the projects each caller sees', async () => {
    const workspace = await org.workspace(org.owner, { title: 'Home' });
    const published = await org.project(org.owner, { is_published: true });
    const draft = await org.project(org.owner);
    for (const project of [published, draft]) {
      await http()
        .post(`/api/workspaces/${workspace}/projects/`)
        .set(org.owner.headers)
        .send({ project })
        .expect(201);
    }
    const listed = await http()
      .get(`/api/workspaces/${workspace}/projects/`)
      .set(org.owner.headers)
      .expect(200);
    expectContract(['Project'], listed.body);
    expect(sorted(listed.body.map((row: { id: number }) => row.id))).toEqual(
      sorted([published, draft]),
    );
    await org.addWorkspaceMember(org.owner, workspace, annotator.userId);
    const forAnnotator = await http()
      .get(`/api/workspaces/${workspace}/`)
      .set(annotator.headers)
      .expect(200);
    expect(forAnnotator.body).toMatchObject({ projects_count: 1, membership: 'member' });
    const forOwner = await http().get(`/api/workspaces/${workspace}/`).set(org.owner.headers);
    expect(forOwner.body.projects_count).toBe(2);
    const annotatorList = await http()
      .get(`/api/workspaces/${workspace}/projects/`)
      .set(annotator.headers)
      .expect(200);
    expect(annotatorList.body.map((row: { id: number }) => row.id)).toEqual([published]);

    // Moving a project: a project is in one workspace at most.
    const other = await org.workspace(org.owner, { title: 'Elsewhere' });
    await http()
      .post(`/api/workspaces/${other}/projects/`)
      .set(org.owner.headers)
      .send({ project: published })
      .expect(201);
    const read = await http().get(`/api/projects/${published}/`).set(org.owner.headers);
    expect(read.body).toMatchObject({ workspace: String(other), workspace_title: 'Elsewhere' });
    await http()
      .delete(`/api/workspaces/${workspace}/projects/`)
      .set(org.owner.headers)
      .send({ project: published })
      .expect(404);
    await http()
      .delete(`/api/workspaces/${other}/projects/`)
      .set(org.owner.headers)
      .send({ project: published })
      .expect(204);
    const out = await http().get(`/api/projects/${published}/`).set(org.owner.headers);
    expect(out.body).toMatchObject({ workspace: '', workspace_title: '' });

    const foreign = await stranger.project(stranger.owner);
    await http()
      .post(`/api/workspaces/${workspace}/projects/`)
      .set(org.owner.headers)
      .send({ project: foreign })
      .expect(400);
    // A manager moves only projects they see into workspaces they see.
    const managed = await org.workspace(manager);
    await http()
      .post(`/api/workspaces/${managed}/projects/`)
      .set(manager.headers)
      .send({ project: draft })
      .expect(400);
  });

  it("answers 404 for another organization's workspace on every route", async () => {
    const foreign = await stranger.workspace(stranger.owner);
    const owner = org.owner.headers;
    const user = { user: org.owner.userId };
    const calls = [
      http().get(`/api/workspaces/${foreign}/`).set(owner),
      http().patch(`/api/workspaces/${foreign}/`).set(owner).send({ title: 'Mine' }),
      http().delete(`/api/workspaces/${foreign}/`).set(owner),
      http().get(`/api/workspaces/${foreign}/memberships/`).set(owner),
      http().post(`/api/workspaces/${foreign}/memberships/`).set(owner).send(user),
      http().delete(`/api/workspaces/${foreign}/memberships/`).set(owner).send({ user_id: 1 }),
      http().post(`/api/workspaces/${foreign}/memberships/bulk/`).set(owner).send({ all: true }),
      http().delete(`/api/workspaces/${foreign}/memberships/bulk/`).set(owner).send({ all: true }),
      http().get(`/api/workspaces/${foreign}/memberships/paginated/`).set(owner),
      http().get(`/api/workspaces/${foreign}/projects/`).set(owner),
      http().post(`/api/workspaces/${foreign}/projects/`).set(owner).send({ project: 1 }),
      http().delete(`/api/workspaces/${foreign}/projects/`).set(owner).send({ project: 1 }),
    ];
    for (const call of calls) await call.expect(404);
    const list = await http().get('/api/workspaces/').set(owner).expect(200);
    expect(list.body.map((row: { id: number }) => row.id)).not.toContain(foreign);
  });
});
