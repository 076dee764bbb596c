import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';

describe('auth: users, organizations, memberships, invites, session policy (e2e)', () => {
  let testApp: TestApp;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    ownerA = await createAccount(testApp.app, { organizationTitle: 'Org A' });
    ownerB = await createAccount(testApp.app, { organizationTitle: 'Org B' });
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();

  it('users CRUD within the caller organization', async () => {
    const created = await http()
      .post('/api/users/')
      .set(ownerA.headers)
      .send({
        email: 'New.Person@Example.com',
        first_name: 'New',
        last_name: 'Person',
        phone: '123',
      })
      .expect(201);
    expectContract('LseUser', created.body);
    expect(created.body).toMatchObject({
      email: 'new.person@example.com',
      first_name: 'New',
      initials: 'np',
      active_organization: ownerA.organizationId,
    });
    const id = created.body.id;

    const list = await http().get('/api/users/').set(ownerA.headers).expect(200);
    expectContract(['LseUserAPI'], list.body);
    expect(list.body.map((u: { id: number }) => u.id)).toEqual([ownerA.userId, id]);

    const fetched = await http().get(`/api/users/${id}/`).set(ownerA.headers).expect(200);
    expectContract('LseUser', fetched.body);

    // A profile is its user's own; the owner changes the membership, not the person.
    await http()
      .patch(`/api/users/${id}/`)
      .set(ownerA.headers)
      .send({ first_name: 'Renamed' })
      .expect(403);
    const patched = await http()
      .patch(`/api/users/${ownerA.userId}/`)
      .set(ownerA.headers)
      .send({ first_name: 'Renamed', allow_newsletters: true })
      .expect(200);
    expectContract('LseUser', patched.body);
    expect(patched.body).toMatchObject({ first_name: 'Renamed', allow_newsletters: true });
    const rows = await db.query(
      `SELECT id, first_name FROM htx_user WHERE id IN (${Number(id)}, ${ownerA.userId}) ORDER BY id`,
    );
    expect(rows.map((row: { first_name: string }) => row.first_name)).toEqual(['Renamed', 'New']);

    await http().delete(`/api/users/${id}/`).set(ownerA.headers).expect(204);
    await http().get(`/api/users/${id}/`).set(ownerA.headers).expect(404);
    const [membership] = await db.query(
      `SELECT deleted_at FROM organization_member WHERE user_id = ${Number(id)}`,
    );
    expect(membership.deleted_at).not.toBeNull();
    const [{ count }] = await db.query(
      `SELECT COUNT(*) AS count FROM htx_user WHERE id = ${Number(id)}`,
    );
    expect(Number(count)).toBe(1);
  });

  it('rejects bad user input with a 400 naming the field, and writes nothing', async () => {
    const before = await db.query('SELECT COUNT(*) AS count FROM htx_user');
    const bad = await http()
      .post('/api/users/')
      .set(ownerA.headers)
      .send({ email: 'not-an-email' })
      .expect(400);
    expect(Object.keys(bad.body.validation_errors)).toEqual(['email']);
    const duplicate = await http()
      .post('/api/users/')
      .set(ownerA.headers)
      .send({ email: ownerB.email.toUpperCase() })
      .expect(400);
    expect(duplicate.body.validation_errors.email[0]).toMatch(/already exists/);
    const after = await db.query('SELECT COUNT(*) AS count FROM htx_user');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
    await http().delete(`/api/users/${ownerA.userId}/`).set(ownerA.headers).expect(403);
    await http().get('/api/users/abc/').set(ownerA.headers).expect(404);
  });

  it('another organization answers 404 for users, organizations and memberships', async () => {
    await http().get(`/api/users/${ownerA.userId}/`).set(ownerB.headers).expect(404);
    await http()
      .patch(`/api/users/${ownerA.userId}/`)
      .set(ownerB.headers)
      .send({ first_name: 'x' })
      .expect(404);
    await http().delete(`/api/users/${ownerA.userId}/`).set(ownerB.headers).expect(404);
    await http().get(`/api/organizations/${ownerA.organizationId}`).set(ownerB.headers).expect(404);
    await http()
      .patch(`/api/organizations/${ownerA.organizationId}`)
      .set(ownerB.headers)
      .send({ title: 'taken' })
      .expect(404);
    await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships`)
      .set(ownerB.headers)
      .expect(404);
    await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships/${ownerA.userId}/`)
      .set(ownerB.headers)
      .expect(404);
    const list = await http().get('/api/users/').set(ownerB.headers).expect(200);
    expect(list.body.map((u: { id: number }) => u.id)).toEqual([ownerB.userId]);
    const [row] = await db.query(`SELECT first_name FROM htx_user WHERE id = ${ownerA.userId}`);
    expect(row.first_name).not.toBe('x');
  });

  it('current user: get, patch, hotkeys', async () => {
    const me = await http().get('/api/current-user').set(ownerA.headers).expect(200);
    expectContract('LseUserAPI', me.body);
    const patched = await http()
      .patch('/api/current-user')
      .set(ownerA.headers)
      .send({ first_name: 'Ada', last_name: 'Lovelace' })
      .expect(200);
    expectContract('LseUserAPI', patched.body);
    expect(patched.body.initials).toBe('al');

    const hotkeys = { 'annotation:submit': { key: 'ctrl+enter', active: true } };
    const saved = await http()
      .patch('/api/current-user/hotkeys/')
      .set(ownerA.headers)
      .send({ custom_hotkeys: hotkeys })
      .expect(200);
    expectContract('Hotkeys', saved.body);
    const read = await http().get('/api/current-user/hotkeys/').set(ownerA.headers).expect(200);
    expect(read.body).toEqual({ custom_hotkeys: hotkeys });
    const bad = await http()
      .patch('/api/current-user/hotkeys/')
      .set(ownerA.headers)
      .send({ custom_hotkeys: { submit: { key: '' }, 'a:b': { key: 'x', extra: 1 } } })
      .expect(400);
    expect(bad.body.validation_errors.custom_hotkeys).toEqual([
      '"submit": action must look like "namespace:action".',
      '"a:b": unknown field "extra".',
    ]);
    expect((await http().get('/api/current-user/hotkeys/').set(ownerA.headers)).body).toEqual({
      custom_hotkeys: hotkeys,
    });
  });

  it('organizations: list, get, update', async () => {
    const list = await http().get('/api/organizations/').set(ownerA.headers).expect(200);
    expectContract(['OrganizationId'], list.body);
    expect(list.body.map((o: { title: string }) => o.title)).toEqual(['Org A']);
    const org = await http()
      .get(`/api/organizations/${ownerA.organizationId}`)
      .set(ownerA.headers)
      .expect(200);
    expectContract('LseOrganization', org.body);
    const patched = await http()
      .patch(`/api/organizations/${ownerA.organizationId}`)
      .set(ownerA.headers)
      .send({ title: 'Org A renamed', contact_info: 'team@example.com' })
      .expect(200);
    expectContract('LseOrganization', patched.body);
    expect(patched.body.title).toBe('Org A renamed');
    await http()
      .patch(`/api/organizations/${ownerA.organizationId}`)
      .set(ownerA.headers)
      .send({ contact_info: 'nope' })
      .expect(400);
  });

  it('memberships: paginated list, role change, member detail, soft delete', async () => {
    const members = await Promise.all(
      [1, 2, 3].map(() => createAccount(testApp.app, { organizationId: ownerA.organizationId })),
    );
    const page = await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships?page_size=2`)
      .set(ownerA.headers)
      .expect(200);
    expectContract('PaginatedLseOrganizationMemberListList', page.body);
    expect(page.body.count).toBe(4);
    expect(page.body.results).toHaveLength(2);
    expect(page.body.next).toContain('page=2');

    const target = members[0];
    const changed = await http()
      .patch(`/api/organizations/${ownerA.organizationId}/memberships`)
      .set(ownerA.headers)
      .send({ user_id: target.userId, role: 'RE' })
      .expect(200);
    expectContract('LseOrganizationMemberList', changed.body);
    expect(changed.body.role).toBe('RE');
    const annotators = await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships?role=RE`)
      .set(ownerA.headers);
    expect(annotators.body.results.map((r: { user: { id: number } }) => r.user.id)).toEqual([
      target.userId,
    ]);

    // A reviewer cannot manage members.
    await http()
      .patch(`/api/organizations/${ownerA.organizationId}/memberships`)
      .set(target.headers)
      .send({ user_id: members[1].userId, role: 'AD' })
      .expect(403);

    const detail = await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships/${target.userId}/`)
      .set(ownerA.headers)
      .expect(200);
    expectContract('OrganizationMember', detail.body);

    await http()
      .delete(`/api/organizations/${ownerA.organizationId}/memberships/${ownerA.userId}/`)
      .set(ownerA.headers)
      .expect(403);
    await http()
      .delete(`/api/organizations/${ownerA.organizationId}/memberships/${target.userId}/`)
      .set(ownerA.headers)
      .expect(204);
    // Removed from their only organization: told why, not locked out with a 401.
    const refused = await http().get('/api/current-user/whoami').set(target.headers).expect(403);
    expect(refused.body.detail).toMatch(/not an active member of any organization/);
    const after = await http()
      .get(`/api/organizations/${ownerA.organizationId}/memberships`)
      .set(ownerA.headers);
    expect(after.body.count).toBe(3);
  });

  it('invites: link, reset, send and revoke', async () => {
    const invite = await http().get('/api/invite').set(ownerA.headers).expect(200);
    expectContract('OrganizationInvite', invite.body);
    expect(invite.body.invite_url).toContain(`token=${encodeURIComponent(invite.body.token)}`);
    const reset = await http().post('/api/invite/reset-token').set(ownerA.headers).expect(200);
    expectContract('OrganizationInvite', reset.body);
    expect(reset.body.token).not.toBe(invite.body.token);
    const [org] = await db.query(
      `SELECT token FROM organization WHERE id = ${ownerA.organizationId}`,
    );
    expect(org.token).toBe(reset.body.token);

    const sent = await http()
      .post('/api/invite/send-email')
      .set(ownerA.headers)
      .send({ emails: ['Invitee@example.com', ownerB.email, ownerA.email], role: 'AN' })
      .expect(200);
    expect(sent.body).toMatchObject({
      invited: ['invitee@example.com', ownerB.email],
      already_members: [ownerA.email],
    });
    expect(sent.body.invites.map((i: { email: string }) => i.email)).toEqual([
      'invitee@example.com',
      ownerB.email,
    ]);
    expect(sent.body.invites[0].invite_url).toMatch(/\/user\/signup\/\?token=[\w-]{20,}$/);
    // An invitation makes nobody a member until it is accepted.
    const users = await http().get('/api/users/').set(ownerA.headers);
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain('invitee@example.com');
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM organization_invite WHERE organization_id = ${ownerA.organizationId} AND accepted_at IS NULL AND revoked_at IS NULL`,
    );
    expect(Number(n)).toBe(2);

    await http()
      .post('/api/invite/revoke')
      .set(ownerA.headers)
      .send({ email: 'invitee@example.com' })
      .expect(200);
    await http()
      .post('/api/invite/revoke')
      .set(ownerA.headers)
      .send({ email: 'invitee@example.com' })
      .expect(404);
    await http()
      .post('/api/invite/send-email')
      .set(ownerA.headers)
      .send({ emails: ['x'], role: 'ZZ' })
      .expect(400);
  });

  it('session policy: stored and returned, validated', async () => {
    const policy = await http().get('/api/session-policy/').set(ownerB.headers).expect(200);
    expectContract('SessionTimeoutPolicy', policy.body);
    expect(policy.body).toMatchObject({ max_session_age: 20160, max_time_between_activity: 7200 });
    const patched = await http()
      .patch('/api/session-policy/')
      .set(ownerB.headers)
      .send({ max_session_age: 60 })
      .expect(200);
    expectContract('SessionTimeoutPolicy', patched.body);
    expect(patched.body.max_session_age).toBe(60);
    const [row] = await db.query(
      `SELECT max_session_age FROM session_timeout_policy WHERE organization_id = ${ownerB.organizationId}`,
    );
    expect(row.max_session_age).toBe(60);
    await http()
      .patch('/api/session-policy/')
      .set(ownerB.headers)
      .send({ max_session_age: -1 })
      .expect(400);
    // Organization A's policy did not change.
    const other = await http().get('/api/session-policy/').set(ownerA.headers);
    expect(other.body.max_session_age).toBe(20160);
  });

  it('no user-returning endpoint carries a password or its hash', async () => {
    const created = await http()
      .post('/api/users/')
      .set(ownerA.headers)
      .send({ email: 'with.password@example.com', password: 'a-real-password' })
      .expect(201);
    const responses = await Promise.all([
      http().get('/api/users/').set(ownerA.headers),
      http().get(`/api/users/${created.body.id}/`).set(ownerA.headers),
      http().patch(`/api/users/${ownerA.userId}/`).set(ownerA.headers).send({ phone: '1' }),
      http().get('/api/current-user').set(ownerA.headers),
      http().patch('/api/current-user').set(ownerA.headers).send({ password: 'another-password' }),
      http().get('/api/current-user/whoami').set(ownerA.headers),
      http().get(`/api/organizations/${ownerA.organizationId}/memberships`).set(ownerA.headers),
      http()
        .get(`/api/organizations/${ownerA.organizationId}/memberships/${created.body.id}/`)
        .set(ownerA.headers),
    ]);
    for (const response of [created, ...responses]) {
      expect(response.status).toBeLessThan(300);
      expect(response.text).not.toMatch(/\$argon2|"password"|a-real-password|another-password/);
    }
    const [row] = await db.query(
      `SELECT password FROM htx_user WHERE id = ${Number(created.body.id)}`,
    );
    expect(row.password).toMatch(/^\$argon2id\$/);
  });
});
