import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';

/** Issue 17: organization permission overrides and organization settings (`set-default-role`). */
describe('auth: permissions page and organization settings (integration)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let admin: TestAccount;
  let manager: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    owner = await createAccount(testApp.app, { organizationTitle: 'Permissions' });
    const join = { organizationId: owner.organizationId };
    admin = await createAccount(testApp.app, { ...join, role: 'AD' });
    manager = await createAccount(testApp.app, { ...join, role: 'MA' });
    annotator = await createAccount(testApp.app, { ...join, role: 'AN' });
    stranger = await createAccount(testApp.app, { organizationTitle: 'Elsewhere' });
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const base = () => `/api/organizations/${owner.organizationId}/permissions`;
  const overrideRows = () =>
    db.query(
      `SELECT permission FROM organization_permission WHERE organization_id = ${Number(owner.organizationId)}`,
    );

  it('lists the configurable permissions with their defaults, to the owner only', async () => {
    const options = await http().get(`${base()}/options`).set(owner.headers).expect(200);
    expectContract(['ConfigurablePermissionOption'], options.body);
    const invite = options.body.find(
      (option: { permission: string }) => option.permission === 'organizations.invite',
    );
    expect(invite).toMatchObject({ default: ['AD', 'MA'], options: ['AD', 'MA'] });
    expect(
      options.body.every((option: { options: string[] }) => !option.options.includes('OW')),
    ).toBe(true);
    const sorted = await http().get(`${base()}/options?ordering=-permission`).set(owner.headers);
    const keys = sorted.body.map((option: { permission: string }) => option.permission);
    expect(keys).toEqual([...keys].sort().reverse());
    for (const caller of [admin, manager, annotator]) {
      await http().get(`${base()}/options`).set(caller.headers).expect(403);
      await http().get(base()).set(caller.headers).expect(403);
    }
    await http().get(`${base()}/options`).set(stranger.headers).expect(404);
  });

  it('an override changes who may call a route, and deleting it restores the default', async () => {
    await http().get('/api/invite').set(manager.headers).expect(200);
    const created = await http()
      .post(base())
      .set(owner.headers)
      .send({ permission: 'organizations.invite', roles: ['AD'] })
      .expect(200);
    expectContract('OrganizationPermission', created.body);
    expect(created.body).toMatchObject({
      organization: owner.organizationId,
      permission: 'organizations.invite',
      roles: ['AD'],
      default: ['AD', 'MA'],
    });
    expect(await overrideRows()).toEqual([{ permission: 'organizations.invite' }]);
    await http().get('/api/invite').set(manager.headers).expect(403);
    await http().get('/api/invite').set(admin.headers).expect(200);
    const whoami = await http().get('/api/current-user/whoami').set(manager.headers).expect(200);
    expect(whoami.body.permissions).not.toContain('organizations.invite');

    await http()
      .patch(`${base()}/organizations.invite`)
      .set(owner.headers)
      .send({ roles: ['AD', 'MA'] })
      .expect(200);
    await http().get('/api/invite').set(manager.headers).expect(200);
    await http()
      .put(`${base()}/organizations.invite`)
      .set(owner.headers)
      .send({ permission: 'organizations.invite', roles: [] })
      .expect(200);
    await http().get('/api/invite').set(admin.headers).expect(403);
    await http().get('/api/invite').set(owner.headers).expect(200);

    const listed = await http().get(base()).set(owner.headers).expect(200);
    expect(listed.body.map((row: { roles: string[] }) => row.roles)).toEqual([[]]);
    await http().delete(`${base()}/organizations.invite`).set(owner.headers).expect(204);
    expect(await overrideRows()).toEqual([]);
    await http().get('/api/invite').set(manager.headers).expect(200);
    await http().get(`${base()}/organizations.invite`).set(owner.headers).expect(404);
  });

  it('refuses unknown or fixed permissions, roles outside the options, and duplicates', async () => {
    const refuse = (body: object) => http().post(base()).set(owner.headers).send(body).expect(400);
    await refuse({ permission: 'no.such.permission', roles: ['AD'] });
    await refuse({ permission: 'organizations.permissions', roles: ['AD'] });
    await refuse({ permission: 'organizations.invite', roles: ['AN'] });
    await refuse({ permission: 'projects.delete', roles: ['OW'] });
    await refuse({ roles: ['AD'] });
    await http()
      .post(base())
      .set(owner.headers)
      .send({ permission: 'projects.delete', roles: ['AD'] })
      .expect(200);
    await refuse({ permission: 'projects.delete', roles: ['AD', 'MA'] });
    await http()
      .patch(`${base()}/projects.delete`)
      .set(owner.headers)
      .send({ permission: 'tasks.delete' })
      .expect(400);
    expect(await overrideRows()).toHaveLength(1);
    await http().delete(`${base()}/projects.delete`).set(owner.headers).expect(204);
  });

  it('set-default-role stores the switches and gives link joiners the role', async () => {
    const url = `/api/organizations/${owner.organizationId}/set-default-role`;
    const changed = await http()
      .patch(url)
      .set(admin.headers)
      .send({
        default_role: 'RE',
        label_stream_navigation_disabled_at: '2026-12-01T10:00:00Z',
        embed_domains: [{ domain: 'example.com' }],
        extra_data_on_activity_logs: false,
      })
      .expect(200);
    expectContract('DefaultRole', changed.body);
    expect(changed.body).toMatchObject({
      organization: owner.organizationId,
      default_role: 'RE',
      label_stream_navigation_disabled_at: '2026-12-01T10:00:00.000Z',
      annotator_reviewer_firewall_enabled_at: null,
      embed_domains: [{ domain: 'example.com' }],
    });
    const [stored] = await db.query(
      `SELECT default_role FROM organization_settings WHERE organization_id = ${Number(owner.organizationId)}`,
    );
    expect(stored.default_role).toBe('RE');
    await http().patch(url).set(admin.headers).send({ default_role: 'OW' }).expect(400);
    await http().patch(url).set(admin.headers).send({ embed_domains: 'example.com' }).expect(400);
    await http().patch(url).set(manager.headers).send({ default_role: 'AN' }).expect(403);
    await http()
      .patch(`/api/organizations/${stranger.organizationId}/set-default-role`)
      .set(owner.headers)
      .send({ default_role: 'AN' })
      .expect(404);

    const link = await http().get('/api/invite').set(owner.headers).expect(200);
    const joiner = await createAccount(testApp.app, { organizationTitle: 'Own' });
    await http()
      .post('/api/invite/accept')
      .set(joiner.headers)
      .send({ token: link.body.token })
      .expect(200);
    const [member] = await db.query(
      `SELECT role FROM organization_member WHERE user_id = ${Number(joiner.userId)}
         AND organization_id = ${Number(owner.organizationId)}`,
    );
    expect(member.role).toBe('RE');
  });

  it('a manager invites people, never with a role above their own', async () => {
    const invite = (role: string) =>
      http()
        .post('/api/invite/send-email')
        .set(manager.headers)
        .send({ emails: [`invited-${role.toLowerCase()}@example.com`], role });
    expect((await invite('AN').expect(200)).body.invited).toEqual(['invited-an@example.com']);
    await invite('MA').expect(200);
    await invite('AD').expect(403);
    const [{ n }] = await db.query(
      `SELECT count(*) AS n FROM organization_invite WHERE organization_id = ${Number(owner.organizationId)}
         AND email = 'invited-ad@example.com'`,
    );
    expect(Number(n)).toBe(0);
    await http()
      .post('/api/invite/send-email')
      .set(annotator.headers)
      .send({ emails: ['x@example.com'], role: 'AN' })
      .expect(403);
  });

  it('a deactivated member or one not activated is refused everywhere', async () => {
    const pending = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'NO',
    });
    await http().get('/api/current-user/whoami').set(pending.headers).expect(403);
    await http().get('/api/users/').set(pending.headers).expect(403);
  });
});
