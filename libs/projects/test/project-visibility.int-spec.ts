import { DataSource } from 'typeorm';
import { AuthContext, ProjectAccessResolver, User } from '@ls/auth';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, sorted, TestOrganization } from './access-test-kit';

/** Who sees which project (behavior-enterprise.md §1.3, §1.4), in the list and by id. */
describe('project visibility (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let admin: TestAccount;
  let manager: TestAccount;
  let otherManager: TestAccount;
  let annotator: TestAccount;
  let reviewer: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    admin = await org.member('AD');
    manager = await org.member('MA');
    otherManager = await org.member('MA');
    annotator = await org.member('AN');
    reviewer = await org.member('RE');
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();

  const authOf = async (account: TestAccount, role: AuthContext['role']): Promise<AuthContext> => ({
    user: await db.getRepository(User).findOneByOrFail({ id: account.userId }),
    method: 'token',
    organizationId: account.organizationId,
    role,
  });

  it('shows each role its projects, in the list and by id', async () => {
    const owners = await org.project(org.owner, { is_published: true });
    const managers = await org.project(manager);
    const memberOf = await org.project(org.owner, { is_published: true });
    const unpublished = await org.project(org.owner);
    const workspace = await org.workspace(org.owner);
    const inWorkspace = await org.project(org.owner, { is_published: true, workspace });
    await org.addMember(org.owner, memberOf, annotator.userId);
    await org.addMember(org.owner, memberOf, manager.userId);
    await org.addMember(org.owner, unpublished, annotator.userId);
    await org.addWorkspaceMember(org.owner, workspace, reviewer.userId);

    const all = sorted([owners, managers, memberOf, unpublished, inWorkspace]);
    expect(await org.visibleProjects(org.owner)).toEqual(all);
    expect(await org.visibleProjects(admin)).toEqual(all);
    // Managers: what they created and where they are members, published or not.
    expect(await org.visibleProjects(manager)).toEqual(sorted([managers, memberOf]));
    expect(await org.visibleProjects(otherManager)).toEqual([]);
    // Annotators and reviewers: published projects they are members of, directly or not.
    expect(await org.visibleProjects(annotator)).toEqual([memberOf]);
    expect(await org.visibleProjects(reviewer)).toEqual([inWorkspace]);

    await http().get(`/api/projects/${memberOf}/`).set(annotator.headers).expect(200);
    for (const hidden of [owners, unpublished, inWorkspace]) {
      await http().get(`/api/projects/${hidden}/`).set(annotator.headers).expect(404);
      await http().get(`/api/projects/${hidden}/members/`).set(annotator.headers).expect(404);
    }
    await http().get(`/api/projects/${owners}/`).set(otherManager.headers).expect(404);
    await http()
      .patch(`/api/projects/${owners}/`)
      .set(otherManager.headers)
      .send({ title: 'Taken over' })
      .expect(404);
    await http().delete(`/api/projects/${owners}/`).set(otherManager.headers).expect(404);
    // A manager changes what they see.
    await http()
      .patch(`/api/projects/${memberOf}/`)
      .set(manager.headers)
      .send({ description: 'Managed' })
      .expect(200);
    // An annotator who sees a project still may not change it.
    await http()
      .patch(`/api/projects/${memberOf}/`)
      .set(annotator.headers)
      .send({ title: 'Mine now' })
      .expect(403);
    await http().post('/api/projects/').set(annotator.headers).send({}).expect(403);
  });

  it('publishing and membership changes show at once, counts follow the same rules', async () => {
    const project = await org.project(org.owner);
    await org.addMember(org.owner, project, annotator.userId);
    await http().get(`/api/projects/${project}/`).set(annotator.headers).expect(404);
    await http()
      .patch(`/api/projects/${project}/`)
      .set(org.owner.headers)
      .send({ is_published: true })
      .expect(200);
    await http().get(`/api/projects/${project}/`).set(annotator.headers).expect(200);
    const counts = await http().get('/api/projects/counts/').set(annotator.headers).expect(200);
    expect(counts.body.results.map((row: { id: number }) => row.id)).toContain(project);
    await http()
      .delete(`/api/projects/${project}/members/`)
      .set(org.owner.headers)
      .send({ user: annotator.userId })
      .expect(204);
    await http().get(`/api/projects/${project}/`).set(annotator.headers).expect(404);
  });

  it("hides another user's personal workspace, even from administrators", async () => {
    const personal = await org.workspace(manager, { is_personal: true, title: 'Sandbox' });
    const sandboxed = await org.project(manager, { workspace: personal });
    expect(await org.visibleProjects(manager)).toContain(sandboxed);
    expect(await org.visibleProjects(admin)).not.toContain(sandboxed);
    expect(await org.visibleProjects(org.owner)).not.toContain(sandboxed);
    await http().get(`/api/projects/${sandboxed}/`).set(admin.headers).expect(404);
    // Nobody can be made a member of a sandboxed project.
    await http()
      .post(`/api/projects/${sandboxed}/members/`)
      .set(manager.headers)
      .send({ user: annotator.userId })
      .expect(400);
  });

  it('takes `workspace` on create and update, only one the caller sees', async () => {
    const workspace = await org.workspace(manager, { title: 'Shared by manager' });
    const created = await http()
      .post('/api/projects/')
      .set(manager.headers)
      .send({ title: 'Placed', workspace })
      .expect(201);
    expectContract('LseProjectCreate', created.body);
    expect(created.body.workspace).toBe(workspace);
    const read = await http().get(`/api/projects/${created.body.id}/`).set(manager.headers);
    expect(read.body).toMatchObject({
      workspace: String(workspace),
      workspace_title: 'Shared by manager',
    });
    const hidden = await org.workspace(org.owner, { title: 'Not for managers' });
    const refused = await http()
      .post('/api/projects/')
      .set(manager.headers)
      .send({ title: 'Placed', workspace: hidden })
      .expect(400);
    expect(refused.body.validation_errors.workspace).toBeDefined();
    await http()
      .patch(`/api/projects/${created.body.id}/`)
      .set(manager.headers)
      .send({ workspace: hidden })
      .expect(400);
    const moved = await http()
      .patch(`/api/projects/${created.body.id}/`)
      .set(org.owner.headers)
      .send({ workspace: hidden })
      .expect(200);
    expect(moved.body.workspace).toBe(hidden);
    // Out of the manager's workspace now, but they created it: still theirs to see.
    await http().get(`/api/projects/${created.body.id}/`).set(manager.headers).expect(200);
    const out = await http()
      .patch(`/api/projects/${created.body.id}/`)
      .set(org.owner.headers)
      .send({ workspace: null })
      .expect(200);
    expect(out.body.workspace).toBe(0);
  });

  it('filters the list by workspace and by archived workspace', async () => {
    const archived = await org.workspace(org.owner, { title: 'Old', is_archived: true });
    const current = await org.workspace(org.owner, { title: 'Current' });
    const inArchived = await org.project(org.owner, { workspace: archived });
    const inCurrent = await org.project(org.owner, { workspace: current });
    const loose = await org.project(org.owner);
    expect(await org.visibleProjects(org.owner, `&workspaces=${archived}`)).toEqual([inArchived]);
    const archivedOnes = await org.visibleProjects(org.owner, '&archived=true');
    expect(archivedOnes).toContain(inArchived);
    expect(archivedOnes).not.toContain(inCurrent);
    const others = await org.visibleProjects(org.owner, '&archived=false');
    expect(others).toEqual(expect.arrayContaining([inCurrent, loose]));
    expect(others).not.toContain(inArchived);
    const listed = await http()
      .get(`/api/projects/?workspaces=${current}`)
      .set(org.owner.headers)
      .expect(200);
    expect(listed.body.results[0]).toMatchObject({
      workspace: String(current),
      workspace_title: 'Current',
    });
    await http().get('/api/projects/?workspaces=abc').set(org.owner.headers).expect(400);
  });

  it('resolves access: role from the project role, the active pause, null elsewhere', async () => {
    const resolver = testApp.app.get(ProjectAccessResolver);
    const project = await org.project(org.owner, { is_published: true });
    await org.addMember(org.owner, project, annotator.userId);
    const auth = await authOf(annotator, 'AN');
    expect(await resolver.accessOf(auth, project)).toEqual({
      visible: true,
      role: 'AN',
      pause: null,
    });
    await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: annotator.userId, role: 'RE' })
      .expect(201);
    const pause = await http()
      .post(`/api/projects/${project}/members/${annotator.userId}/pauses/`)
      .set(org.owner.headers)
      .send({ reason: 'MANUAL', verbose_reason: 'Take a break' })
      .expect(201);
    expect(await resolver.accessOf(auth, project)).toEqual({
      visible: true,
      role: 'RE',
      pause: { id: pause.body.id, reason: 'MANUAL', verbose_reason: 'Take a break' },
    });
    const stranger = await TestOrganization.create(testApp);
    const foreign = await stranger.project(stranger.owner);
    expect(await resolver.accessOf(auth, foreign)).toBeNull();
    expect(await resolver.accessOf(auth, 2_000_000)).toBeNull();
    // A manager is never paused nor downgraded.
    const managerAuth = await authOf(manager, 'MA');
    expect(await resolver.accessOf(managerAuth, project)).toEqual({
      visible: false,
      role: 'MA',
      pause: null,
    });
  });

  it('remembers an answer for a short while, and forgets it when told', async () => {
    const resolver = testApp.app.get(ProjectAccessResolver);
    const project = await org.project(org.owner, { is_published: true });
    const auth = await authOf(reviewer, 'RE');
    expect((await resolver.accessOf(auth, project))?.visible).toBe(false);
    // Written behind the service's back: the remembered answer stands until forgotten.
    await db
      .createQueryBuilder()
      .insert()
      .into('project_member')
      .values({ project_id: project, user_id: reviewer.userId })
      .execute();
    expect((await resolver.accessOf(auth, project))?.visible).toBe(false);
    resolver.forget(project);
    expect((await resolver.accessOf(auth, project))?.visible).toBe(true);
  });
});
