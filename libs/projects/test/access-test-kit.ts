import { MemberRole } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';

/** The API with the projects routes, on a fresh database. */
export function accessTestApp(): Promise<TestApp> {
  return createAuthTestApp({ imports: [ProjectsModule, ProjectsHttpModule] });
}

/** An organization: its owner, and members of each role made with `member`. */
export class TestOrganization {
  private constructor(
    private readonly testApp: TestApp,
    readonly owner: TestAccount,
  ) {}

  static async create(testApp: TestApp): Promise<TestOrganization> {
    return new TestOrganization(testApp, await createAccount(testApp.app));
  }

  get id(): number {
    return this.owner.organizationId;
  }

  member(role: MemberRole): Promise<TestAccount> {
    return createAccount(this.testApp.app, { organizationId: this.id, role });
  }

  async project(account: TestAccount, body: Record<string, unknown> = {}): Promise<number> {
    const created = await this.testApp
      .http()
      .post('/api/projects/')
      .set(account.headers)
      .send({ title: 'Project', ...body })
      .expect(201);
    return created.body.id as number;
  }

  async workspace(account: TestAccount, body: Record<string, unknown> = {}): Promise<number> {
    const created = await this.testApp
      .http()
      .post('/api/workspaces/')
      .set(account.headers)
      .send({ title: 'Workspace', ...body })
      .expect(201);
    return created.body.id as number;
  }

  async addMember(account: TestAccount, projectId: number, userId: number): Promise<void> {
    await this.testApp
      .http()
      .post(`/api/projects/${projectId}/members/`)
      .set(account.headers)
      .send({ user: userId })
      .expect(201);
  }

  async addWorkspaceMember(account: TestAccount, workspaceId: number, userId: number) {
    await this.testApp
      .http()
      .post(`/api/workspaces/${workspaceId}/memberships/`)
      .set(account.headers)
      .send({ user: userId })
      .expect(200);
  }

  /** The ids of the projects `account` sees in the list. */
  async visibleProjects(account: TestAccount, query = ''): Promise<number[]> {
    const page = await this.testApp
      .http()
      .get(`/api/projects/?page_size=100${query}`)
      .set(account.headers)
      .expect(200);
    return (page.body.results as { id: number }[]).map((row) => row.id).sort((a, b) => a - b);
  }
}

export const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
