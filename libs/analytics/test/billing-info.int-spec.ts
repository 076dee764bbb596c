import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { NO_LIMIT } from '@ls/analytics';
import { TestApp } from '@ls/core/testing';
import { analyticsTestApp, newProject, POSITIVE } from './analytics-test-app';

/**
 * The storages library's table, reduced to what billing counts: this library may not import
 * that one, so its migrations do not run here; the table is made by the test.
 */
@Entity('io_storage')
class StorageStandIn {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) project_id!: number;
  @Column({ type: 'varchar', length: 8 }) direction!: string;
}

describe('billing info (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  const http = () => testApp.http();

  const info = async (account: TestAccount) =>
    (await http().get('/api/billing/info').set(account.headers).expect(200)).body;

  beforeAll(async () => {
    testApp = await analyticsTestApp({}, [TypeOrmModule.forFeature([StorageStandIn])]);
    await testApp.app
      .get(DataSource)
      .query(
        'CREATE TABLE io_storage (id integer PRIMARY KEY, project_id integer NOT NULL, direction varchar(8) NOT NULL)',
      );
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    stranger = await createAccount(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it("counts the organization's members, projects, annotations and storages", async () => {
    const empty = await info(stranger);
    expect(empty.billing_checks).toMatchObject({
      users: { count: 1, total: 1, limit: NO_LIMIT, reached: false },
      projects: { count: 0, limit: NO_LIMIT, reached: false },
      results: { count: 0 },
      import_storages: { count: 0 },
      export_storages: { count: 0 },
    });

    // Seats: owner and annotator; deactivated and not-activated members count in `total` only.
    await createAccount(testApp.app, { organizationId: owner.organizationId, role: 'DI' });
    await createAccount(testApp.app, { organizationId: owner.organizationId, role: 'NO' });
    const removed = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    const dataSource = testApp.app.get(DataSource);
    await dataSource
      .createQueryBuilder()
      .update('organization_member')
      .set({ deleted_at: new Date() })
      .where('user_id = :user', { user: removed.userId })
      .execute();

    const projects = [
      await newProject(testApp, owner, 'One'),
      await newProject(testApp, owner, 'Two'),
      await newProject(testApp, owner, 'Three'),
    ];
    const theirs = await newProject(testApp, stranger, 'Theirs');
    const annotate = async (account: TestAccount, project: number, count: number) => {
      const task = await http()
        .post('/api/tasks/')
        .set(account.headers)
        .send({ project, data: { text: 'hi' } })
        .expect(201);
      for (let n = 0; n < count; n += 1) {
        await http()
          .post(`/api/tasks/${task.body.id}/annotations/`)
          .set(account.headers)
          .send({ result: POSITIVE, was_cancelled: n === 0 })
          .expect(201);
      }
    };
    await annotate(owner, projects[0], 3);
    await annotate(owner, projects[1], 2);
    await annotate(stranger, theirs, 4);
    await dataSource.getRepository(StorageStandIn).insert([
      { id: 1, project_id: projects[0], direction: 'import' },
      { id: 2, project_id: projects[1], direction: 'import' },
      { id: 3, project_id: projects[1], direction: 'export' },
      { id: 4, project_id: theirs, direction: 'export' },
    ]);

    const body = await info(annotator);
    expect(body.billing_checks).toMatchObject({
      users: { count: 2, total: 4, limit: NO_LIMIT, reached: false },
      projects: { count: 3, limit: NO_LIMIT, reached: false },
      results: { count: 5, limit: NO_LIMIT, reached: false },
      import_storages: { count: 2, limit: NO_LIMIT, reached: false },
      export_storages: { count: 1, limit: NO_LIMIT, reached: false },
      organization_is_active: true,
      is_license_expired: false,
      license_expires: null,
      prompts_status: 'Enabled',
    });
    expect((await info(stranger)).billing_checks).toMatchObject({
      users: { count: 1, total: 1 },
      projects: { count: 1 },
      results: { count: 4 },
      import_storages: { count: 0 },
      export_storages: { count: 1 },
    });
  });

  it('allows every feature of this server', async () => {
    const flags = (await info(owner)).billing_flags;
    for (const [name, value] of Object.entries(flags)) {
      if (name.startsWith('allow_')) expect({ [name]: value }).toEqual({ [name]: true });
    }
    expect(flags).toMatchObject({
      manual_role_management: true,
      manual_workspace_management: true,
      cloud_instance: false,
      disable_members_page: false,
      disable_project_imports: false,
      storage_persistence: true,
      white_label_id: null,
      activated_at: null,
      embed_domains: [],
      embed_settings: {},
    });
  });

  it('needs a member', async () => {
    await http().get('/api/billing/info').expect(401);
  });
});
