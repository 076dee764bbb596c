import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';

/** SQLite has one connection per process: plain saves and explicit transactions must not collide. */
describe('concurrent writes (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsModule, ProjectsHttpModule] });
  });

  afterAll(() => testApp.close());

  it('serves creates, transactional creates and updates at the same time without losing one', async () => {
    const owner = await createAccount(testApp.app);
    const responses = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        testApp
          .http()
          .post('/api/projects/')
          .set(owner.headers)
          .send({ title: `Project ${i}` }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        testApp
          .http()
          .post('/api/users/')
          .set(owner.headers)
          .send({ email: `user${i}@example.com` }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        testApp
          .http()
          .patch('/api/current-user')
          .set(owner.headers)
          .send({ first_name: `N${i}` }),
      ),
    ]);
    expect(responses.map((response) => response.status).filter((status) => status >= 300)).toEqual(
      [],
    );
    const db = testApp.app.get(DataSource);
    const [{ projects }] = await db.query(
      `SELECT COUNT(*) AS projects FROM project WHERE organization_id = ${owner.organizationId}`,
    );
    const [{ members }] = await db.query(
      `SELECT COUNT(*) AS members FROM organization_member WHERE organization_id = ${owner.organizationId}`,
    );
    expect(Number(projects)).toBe(20);
    expect(Number(members)).toBe(21);
  });
});
