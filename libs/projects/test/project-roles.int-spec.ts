import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { accessTestApp, TestOrganization } from './access-test-kit';

interface MemberRow {
  id: number;
  project_role: string;
}

/** `/api/projects/roles/`, `/api/projects/{id}/roles` (behavior-enterprise.md §1.3, §1.8). */
describe('project roles (e2e)', () => {
  let testApp: TestApp;
  let org: TestOrganization;
  let manager: TestAccount;
  let annotators: TestAccount[];
  let stranger: TestOrganization;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await accessTestApp();
    org = await TestOrganization.create(testApp);
    manager = await org.member('MA');
    annotators = [await org.member('AN')];
    stranger = await TestOrganization.create(testApp);
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const page = async (project: number, query = '', account = org.owner) => {
    const answer = await http()
      .get(`/api/projects/${project}/members/paginated/${query}`)
      .set(account.headers)
      .expect(200);
    expectContract('PaginatedPaginatedProjectMemberList', answer.body);
    return answer.body as { count: number; results: MemberRow[]; next: string | null };
  };

  it('keeps one project role per user, falls back to the organization role when removed', async () => {
    const project = await org.project(org.owner, { is_published: true });
    const [first] = annotators;
    await org.addMember(org.owner, project, first.userId);
    const created = await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: first.userId, role: 'RE' })
      .expect(201);
    expectContract('ProjectRole', created.body);
    const again = await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: first.userId, role: 'AN' })
      .expect(201);
    expect(again.body).toEqual({ ...created.body, role: 'AN' });
    const stored = await db.query(
      db.options.type === 'postgres'
        ? 'SELECT user_id, role FROM project_role WHERE project_id = $1'
        : 'SELECT user_id, role FROM project_role WHERE project_id = ?',
      [project],
    );
    expect(stored).toEqual([{ user_id: first.userId, role: 'AN' }]);
    await http()
      .post('/api/projects/roles/')
      .set(org.owner.headers)
      .send({ project, user: first.userId, role: 'RE' })
      .expect(201);

    const own = await http()
      .get(`/api/projects/roles/?ids=${project}`)
      .set(first.headers)
      .expect(200);
    expectContract(['ProjectRole'], own.body);
    expect(own.body).toEqual([{ id: created.body.id, project, user: first.userId, role: 'RE' }]);
    const ownAll = await http().get('/api/projects/roles/').set(first.headers).expect(200);
    expect(ownAll.body).toHaveLength(1);
    const ownersOwn = await http().get('/api/projects/roles/').set(org.owner.headers);
    expect(ownersOwn.body).toEqual([]);
    const rows = await page(project, `?ids=${first.userId}`);
    expect(rows.results[0].project_role).toBe('RE');

    for (const body of [
      { project, user: manager.userId, role: 'AN' },
      { project, user: first.userId, role: 'MA' },
      { project, user: stranger.owner.userId, role: 'AN' },
      { project: 999_999, user: first.userId, role: 'AN' },
      { project, user: first.userId },
    ]) {
      await http().post('/api/projects/roles/').set(org.owner.headers).send(body).expect(400);
    }

    await http()
      .delete(`/api/projects/roles/${created.body.id}/`)
      .set(org.owner.headers)
      .expect(204);
    const after = await page(project, `?ids=${first.userId}`);
    expect(after.results[0].project_role).toBe('');
    expect((await page(project, '?role=AN')).results.map((row) => row.id)).toContain(first.userId);
    await http()
      .delete(`/api/projects/roles/${created.body.id}/`)
      .set(org.owner.headers)
      .expect(404);
  });
});
