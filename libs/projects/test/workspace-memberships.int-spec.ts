import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, sorted, TestOrganization } from './access-test-kit';

/** `/api/workspaces/{id}/memberships*` (behavior-enterprise.md §2.1). */
describe('workspace memberships (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let manager: TestAccount;
  let annotator: TestAccount;
  let stranger: TestOrganization;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    await org.member('AD');
    manager = await org.member('MA');
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

  it('adds, lists and removes members one at a time', async () => {
    const workspace = await org.workspace(org.owner);
    const added = await http()
      .post(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({ user: annotator.userId })
      .expect(200);
    expectContract('WorkspaceMemberCreate', added.body);
    expect(added.body).toEqual({ user: annotator.userId, workspace });
    // Adding twice keeps one membership.
    await org.addWorkspaceMember(org.owner, workspace, annotator.userId);
    expect(await membersOf(workspace)).toEqual(sorted([org.owner.userId, annotator.userId]));

    const listed = await http()
      .get(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .expect(200);
    expectContract(['WorkspaceMemberList'], listed.body);
    expect(listed.body.map((row: { user: { id: number } }) => row.user.id)).toEqual(
      sorted([org.owner.userId, annotator.userId]),
    );
    const page = await http()
      .get(`/api/workspaces/${workspace}/memberships/paginated/?page_size=1`)
      .set(org.owner.headers)
      .expect(200);
    expectContract('PaginatedLseUserList', page.body);
    expect(page.body.count).toBe(2);
    expect(page.body.results).toHaveLength(1);
    expect(page.body.next).toContain('page=2');
    const searched = await http()
      .get(`/api/workspaces/${workspace}/memberships/paginated/?search=${annotator.email}`)
      .set(org.owner.headers)
      .expect(200);
    expect(searched.body.results.map((user: { id: number }) => user.id)).toEqual([
      annotator.userId,
    ]);
    const byIds = await http()
      .get(`/api/workspaces/${workspace}/memberships/paginated/?ids=${org.owner.userId}`)
      .set(org.owner.headers)
      .expect(200);
    expect(byIds.body.results.map((user: { id: number }) => user.id)).toEqual([org.owner.userId]);

    const outsider = stranger.owner;
    const refused = await http()
      .post(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({ user: outsider.userId })
      .expect(400);
    expect(refused.body.validation_errors.user).toBeDefined();
    await http()
      .post(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({ user: 'me' })
      .expect(400);

    await http()
      .delete(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({ user_id: annotator.userId })
      .expect(204);
    expect(await membersOf(workspace)).toEqual([org.owner.userId]);
    await http()
      .delete(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({ user_id: annotator.userId })
      .expect(404);
    await http()
      .delete(`/api/workspaces/${workspace}/memberships/`)
      .set(org.owner.headers)
      .send({})
      .expect(400);
  });

  it('assigns and unassigns members in bulk', async () => {
    const workspace = await org.workspace(manager);
    const extra = await org.member('AN');
    const assigned = await http()
      .post(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ all: true, excluded: [annotator.userId] })
      .expect(200);
    // Every active member but the excluded one and the creator, who is a member already.
    const everyone = (
      await db.query(
        db.options.type === 'postgres'
          ? 'SELECT user_id FROM organization_member WHERE organization_id = $1 AND deleted_at IS NULL'
          : 'SELECT user_id FROM organization_member WHERE organization_id = ? AND deleted_at IS NULL',
        [org.id],
      )
    ).map((row: { user_id: number }) => Number(row.user_id));
    expect(assigned.body).toEqual({ assignments: everyone.length - 2 });
    expect(await membersOf(workspace)).toEqual(
      sorted(everyone.filter((id: number) => id !== annotator.userId)),
    );

    const again = await http()
      .post(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ all: false, included: [annotator.userId, extra.userId, stranger.owner.userId] })
      .expect(200);
    // The stranger is no member of the organization; `extra` was added already.
    expect(again.body).toEqual({ assignments: 1 });

    const removed = await http()
      .delete(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ all: false, included: [annotator.userId, extra.userId] })
      .expect(200);
    expect(removed.body).toEqual({ unassignments: 2 });
    const rest = await http()
      .delete(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ all: true, excluded: [manager.userId] })
      .expect(200);
    expect(rest.body).toEqual({ unassignments: everyone.length - 3 });
    expect(await membersOf(workspace)).toEqual([manager.userId]);

    await http()
      .post(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ included: [1] })
      .expect(400);
    await http()
      .post(`/api/workspaces/${workspace}/memberships/bulk/`)
      .set(manager.headers)
      .send({ all: false, included: ['a'] })
      .expect(400);
  });
});
