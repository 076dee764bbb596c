import { DataSource } from 'typeorm';
import {
  ProjectAccessRegistry,
  OrganizationMemberTag,
  OrganizationMemberTagAssignment,
} from '@ls/auth';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, sorted, TestOrganization } from './access-test-kit';

interface MemberRow {
  id: number;
  tags: { id: number; label: string }[];
  implicit_member: boolean;
  project_role: string;
  pause: string;
  organization_membership: { role: string };
}

/** `/api/projects/{id}/members*` and project roles (behavior-enterprise.md §1.3, §1.8, §1.10). */
describe('project members and roles (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let admin: TestAccount;
  let manager: TestAccount;
  let annotators: TestAccount[];
  let reviewer: TestAccount;
  let stranger: TestOrganization;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    admin = await org.member('AD');
    manager = await org.member('MA');
    annotators = [await org.member('AN'), await org.member('AN'), await org.member('AN')];
    reviewer = await org.member('RE');
    stranger = await TestOrganization.create(testApp);
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const bind = (n: number) => (db.options.type === 'postgres' ? `$${n}` : '?');
  const explicitMembers = async (project: number): Promise<number[]> =>
    sorted(
      (
        await db.query(`SELECT user_id FROM project_member WHERE project_id = ${bind(1)}`, [
          project,
        ])
      ).map((row: { user_id: number }) => Number(row.user_id)),
    );
  const page = async (project: number, query = '', account = org.owner) => {
    const answer = await http()
      .get(`/api/projects/${project}/members/paginated/${query}`)
      .set(account.headers)
      .expect(200);
    expectContract('PaginatedPaginatedProjectMemberList', answer.body);
    return answer.body as { count: number; results: MemberRow[]; next: string | null };
  };

  it('adds and removes explicit members', async () => {
    const project = await org.project(org.owner);
    const [first] = annotators;
    const added = await http()
      .post(`/api/projects/${project}/members/`)
      .set(manager.headers)
      .send({ user: first.userId })
      .expect(404);
    expect(added.body.detail).toBeDefined();
    // Owners add; the manager was no member, so could not see the project.
    const created = await http()
      .post(`/api/projects/${project}/members/`)
      .set(org.owner.headers)
      .send({ user: first.userId })
      .expect(201);
    expectContract('ProjectMember', created.body);
    expect(created.body).toEqual({ user: first.userId });
    await org.addMember(org.owner, project, first.userId);
    expect(await explicitMembers(project)).toEqual([first.userId]);

    const refusals = [
      { user: stranger.owner.userId },
      { user: admin.userId },
      { user: 0 },
      { user: 'abc' },
      {},
    ];
    for (const body of refusals) {
      await http()
        .post(`/api/projects/${project}/members/`)
        .set(org.owner.headers)
        .send(body)
        .expect(400);
    }

    await http()
      .delete(`/api/projects/${project}/members/`)
      .set(org.owner.headers)
      .send({ user: first.userId })
      .expect(204);
    expect(await explicitMembers(project)).toEqual([]);
    await http()
      .delete(`/api/projects/${project}/members/`)
      .set(org.owner.headers)
      .send({ user: first.userId })
      .expect(404);
  });

  it('lists explicit and implicit members with their role and pause', async () => {
    const workspace = await org.workspace(org.owner);
    const project = await org.project(org.owner, { workspace });
    const [first, second] = annotators;
    await org.addMember(org.owner, project, first.userId);
    await org.addMember(org.owner, project, manager.userId);
    await org.addWorkspaceMember(org.owner, workspace, reviewer.userId);
    await org.addWorkspaceMember(org.owner, workspace, first.userId);
    await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: first.userId, role: 'RE' })
      .expect(201);
    const pause = await http()
      .post(`/api/projects/${project}/members/${first.userId}/pauses/`)
      .set(org.owner.headers)
      .send({ reason: 'MANUAL' })
      .expect(201);

    const all = await page(project);
    const byId = new Map(all.results.map((row) => [row.id, row]));
    // Owner, administrator (implicit), the manager and first annotator (explicit), the reviewer
    // (workspace); the second annotator is no member.
    expect(sorted([...byId.keys()])).toEqual(
      sorted([org.owner.userId, admin.userId, manager.userId, first.userId, reviewer.userId]),
    );
    expect(byId.has(second.userId)).toBe(false);
    expect(byId.get(org.owner.userId)).toMatchObject({ implicit_member: true, project_role: '' });
    expect(byId.get(reviewer.userId)).toMatchObject({ implicit_member: true, pause: '' });
    // Explicit wins over the workspace membership.
    expect(byId.get(first.userId)).toMatchObject({
      implicit_member: false,
      project_role: 'RE',
      pause: String(pause.body.id),
    });

    const ids = async (query: string) => (await page(project, query)).results.map((r) => r.id);
    expect(sorted(await ids('?implicit=false'))).toEqual(sorted([manager.userId, first.userId]));
    expect(await ids('?implicit=true')).not.toContain(first.userId);
    // The effective role: the project role comes first.
    expect(sorted(await ids('?role=RE'))).toEqual(sorted([first.userId, reviewer.userId]));
    expect(await ids('?role=AN')).toEqual([]);
    expect(sorted(await ids('?role=OW,AD'))).toEqual(sorted([org.owner.userId, admin.userId]));
    expect(await ids(`?search=${encodeURIComponent(manager.email)}`)).toEqual([manager.userId]);
    expect(await ids(`?ids=${manager.userId},${second.userId}`)).toEqual([manager.userId]);
    const descending = await ids('?ordering=-id');
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    const byRole = (await page(project, '?ordering=role')).results.map(
      (row) => row.project_role || row.organization_membership.role,
    );
    expect(byRole).toEqual([...byRole].sort());
    const small = await page(project, '?page_size=2&page=2');
    expect(small).toMatchObject({ count: 5 });
    expect(small.results).toHaveLength(2);

    await http()
      .get(`/api/projects/${project}/members/paginated/?role=XX`)
      .set(org.owner.headers)
      .expect(400);
    await http()
      .get(`/api/projects/${project}/members/paginated/?ordering=password`)
      .set(org.owner.headers)
      .expect(400);
  });

  it('assigns and unassigns in bulk, with filters, exclusions and roles', async () => {
    const project = await org.project(manager);
    const [first, second, third] = annotators;
    const assigned = await http()
      .post(`/api/projects/${project}/members/bulk/?role=AN`)
      .set(manager.headers)
      .send({
        all: true,
        excluded: [third.userId],
        roles: [{ user_id: second.userId, role: 'RE' }],
      })
      .expect(200);
    expect(assigned.body).toEqual({ assignments: 2 });
    expect(await explicitMembers(project)).toEqual(sorted([first.userId, second.userId]));
    const roles = await http()
      .get(`/api/projects/${project}/roles`)
      .set(manager.headers)
      .expect(200);
    expectContract(['ProjectRole'], roles.body);
    expect(roles.body).toEqual([
      expect.objectContaining({ project, user: second.userId, role: 'RE' }),
    ]);

    // Owners and administrators are members already; managers and reviewers may be added.
    const included = await http()
      .post(`/api/projects/${project}/members/bulk/`)
      .set(manager.headers)
      .send({ all: false, included: [admin.userId, reviewer.userId, first.userId] })
      .expect(200);
    expect(included.body).toEqual({ assignments: 1 });
    const searched = await http()
      .post(`/api/projects/${project}/members/bulk/?search=${encodeURIComponent(third.email)}`)
      .set(manager.headers)
      .send({ all: true })
      .expect(200);
    expect(searched.body).toEqual({ assignments: 1 });

    // Removing a member keeps their project role and anything else about them.
    const removed = await http()
      .delete(`/api/projects/${project}/members/bulk/?role=RE`)
      .set(manager.headers)
      .send({ all: true, excluded: [reviewer.userId] })
      .expect(200);
    expect(removed.body).toEqual({ unassignments: 1 });
    expect(await explicitMembers(project)).toEqual(
      sorted([first.userId, third.userId, reviewer.userId]),
    );
    const still = await http().get(`/api/projects/${project}/roles`).set(manager.headers);
    expect(still.body).toHaveLength(1);
    const rest = await http()
      .delete(`/api/projects/${project}/members/bulk/`)
      .set(manager.headers)
      .send({ all: false, included: [first.userId, third.userId, second.userId] })
      .expect(200);
    expect(rest.body).toEqual({ unassignments: 2 });

    const bad = [
      { all: 'yes' },
      { all: false, included: [0] },
      { all: true, roles: [{ user_id: first.userId, role: 'MA' }] },
      { all: true, roles: [{ user_id: manager.userId, role: 'AN' }] },
      { all: true, roles: [{ user_id: stranger.owner.userId, role: 'AN' }] },
    ];
    for (const body of bad) {
      await http()
        .post(`/api/projects/${project}/members/bulk/`)
        .set(manager.headers)
        .send(body)
        .expect(400);
    }
    // Nothing was half-written by the refused requests.
    expect(await explicitMembers(project)).toEqual([reviewer.userId]);
  });

  it('refuses annotators and reviewers every member write', async () => {
    const project = await org.project(org.owner, { is_published: true });
    const [first] = annotators;
    await org.addMember(org.owner, project, first.userId);
    await org.addMember(org.owner, project, reviewer.userId);
    const role = await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: first.userId, role: 'AN' })
      .expect(201);
    for (const account of [first, reviewer]) {
      const headers = account.headers;
      const user = { user: first.userId };
      await http().post(`/api/projects/${project}/members/`).set(headers).send(user).expect(403);
      await http().delete(`/api/projects/${project}/members/`).set(headers).send(user).expect(403);
      await http()
        .post(`/api/projects/${project}/members/bulk/`)
        .set(headers)
        .send({ all: true })
        .expect(403);
      await http()
        .delete(`/api/projects/${project}/members/bulk/`)
        .set(headers)
        .send({ all: true })
        .expect(403);
      await http().get(`/api/projects/${project}/members/paginated/`).set(headers).expect(403);
      await http()
        .post('/api/projects/roles/')
        .set(headers)
        .send({ project, user: first.userId, role: 'RE' })
        .expect(403);
      await http().delete(`/api/projects/roles/${role.body.id}/`).set(headers).expect(403);
    }
  });

  it("answers 404 for another organization's project or role on every route", async () => {
    const foreign = await stranger.project(stranger.owner);
    const foreignRole = await http()
      .post('/api/projects/roles/')
      .set(stranger.owner.headers)
      .send({
        project: foreign,
        user: (await stranger.member('AN')).userId,
        role: 'RE',
      })
      .expect(201);
    const owner = org.owner.headers;
    const user = { user: annotators[0].userId };
    const calls = [
      http().post(`/api/projects/${foreign}/members/`).set(owner).send(user),
      http().delete(`/api/projects/${foreign}/members/`).set(owner).send(user),
      http().post(`/api/projects/${foreign}/members/bulk/`).set(owner).send({ all: true }),
      http().delete(`/api/projects/${foreign}/members/bulk/`).set(owner).send({ all: true }),
      http().get(`/api/projects/${foreign}/members/paginated/`).set(owner),
      http().get(`/api/projects/${foreign}/members/`).set(owner),
      http().get(`/api/projects/${foreign}/roles`).set(owner),
      http().delete(`/api/projects/roles/${foreignRole.body.id}/`).set(owner),
    ];
    for (const call of calls) await call.expect(404);
    const own = await http().get(`/api/projects/roles/?ids=${foreign}`).set(owner).expect(200);
    expect(own.body).toEqual([]);
    await http()
      .post('/api/projects/roles/')
      .set(owner)
      .send({ project: foreign, user: annotators[0].userId, role: 'RE' })
      .expect(400);
  });

  it('filters by member tags and shows them on rows', async () => {
    const project = await org.project(org.owner);
    const [first, second] = annotators;
    const tag = await db
      .getRepository(OrganizationMemberTag)
      .save({ organization_id: org.id, label: 'Team A', created_by_id: org.owner.userId });
    await db
      .getRepository(OrganizationMemberTagAssignment)
      .save({ tag_id: tag.id, user_id: first.userId, organization_id: org.id });
    const assigned = await http()
      .post(`/api/projects/${project}/members/bulk/?tags=${tag.id}`)
      .set(org.owner.headers)
      .send({ all: true })
      .expect(200);
    expect(assigned.body).toEqual({ assignments: 1 });
    await org.addMember(org.owner, project, second.userId);
    const tagged = await page(project, `?tags=${tag.id}`);
    expect(tagged.results.map((row) => row.id)).toEqual([first.userId]);
    expect(tagged.results[0].tags).toEqual([{ id: tag.id, label: 'Team A' }]);
    const untagged = await page(project, `?ids=${second.userId}`);
    expect(untagged.results[0].tags).toEqual([]);
  });

  it('tells the auth library who has access to a project or a workspace', async () => {
    const access = testApp.app.get(ProjectAccessRegistry);
    const workspace = await org.workspace(org.owner);
    const project = await org.project(org.owner, { workspace });
    await org.addMember(org.owner, project, annotators[0].userId);
    await org.addWorkspaceMember(org.owner, workspace, reviewer.userId);
    const admins = [org.owner.userId, admin.userId];
    expect(
      sorted(await access.usersWithAccess(db.manager, org.id, { kind: 'project', id: project })),
    ).toEqual(sorted([...admins, annotators[0].userId, reviewer.userId]));
    expect(
      sorted(
        await access.usersWithAccess(db.manager, org.id, { kind: 'workspace', id: workspace }),
      ),
    ).toEqual(sorted([...admins, reviewer.userId]));
    expect(
      await access.usersWithAccess(db.manager, stranger.id, { kind: 'project', id: project }),
    ).toEqual([]);
  });

  it('counts members on project rows', async () => {
    const project = await org.project(org.owner);
    const before = await http().get(`/api/projects/${project}/`).set(org.owner.headers);
    // The owner and the administrator.
    expect(before.body.members_count).toBe(2);
    await org.addMember(org.owner, project, annotators[1].userId);
    const after = await http().get(`/api/projects/${project}/`).set(org.owner.headers);
    expect(after.body.members_count).toBe(3);
  });
});
