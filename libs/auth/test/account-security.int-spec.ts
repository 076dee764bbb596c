import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

/** Issue 11, items 1, 3 and 4: accounts join organizations only by their own consent. */
describe('accounts, invitations and member management (e2e)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let ownerA: TestAccount;
  let ownerB: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    db = testApp.app.get(DataSource);
    ownerA = await createAccount(testApp.app, { organizationTitle: 'A' });
    ownerB = await createAccount(testApp.app, { organizationTitle: 'B' });
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const whoami = (account: TestAccount) =>
    http().get('/api/current-user/whoami').set(account.headers);
  const tokenOf = (inviteUrl: string) => new URL(inviteUrl).searchParams.get('token') as string;
  const invite = async (by: TestAccount, email: string, role = 'AN') => {
    const sent = await http()
      .post('/api/invite/send-email')
      .set(by.headers)
      .send({ emails: [email], role })
      .expect(200);
    return tokenOf(sent.body.invites[0].invite_url);
  };
  const membershipsOf = async (userId: number) =>
    (await db.query(
      `SELECT organization_id, role, deleted_at FROM organization_member WHERE user_id = ${Number(userId)} ORDER BY organization_id`,
    )) as { organization_id: number; role: string; deleted_at: unknown }[];

  describe('an account in another organization', () => {
    it('does not join by being invited, and nobody else edits its profile', async () => {
      await invite(ownerA, ownerB.email);
      expect((await membershipsOf(ownerB.userId)).map((m) => m.organization_id)).toEqual([
        ownerB.organizationId,
      ]);
      await http()
        .patch(`/api/users/${ownerB.userId}/`)
        .set(ownerA.headers)
        .send({ first_name: 'Hijacked' })
        .expect(404);
      await http().get(`/api/users/${ownerB.userId}/`).set(ownerA.headers).expect(404);
      const me = await whoami(ownerB).expect(200);
      expect(me.body.first_name).toBe('');
      expect(me.body.active_organization).toBe(ownerB.organizationId);
    });

    it('joins by accepting the invitation itself, and still owns its profile', async () => {
      const member = await createAccount(testApp.app, { organizationTitle: 'C' });
      const token = await invite(ownerA, member.email, 'RE');
      const accepted = await http()
        .post('/api/invite/accept')
        .set(member.headers)
        .send({ token })
        .expect(200);
      expect(accepted.body).toMatchObject({
        organization: { id: ownerA.organizationId },
        role: 'RE',
      });
      expect(await membershipsOf(member.userId)).toEqual([
        expect.objectContaining({ organization_id: ownerA.organizationId, role: 'RE' }),
        expect.objectContaining({ organization_id: member.organizationId, role: 'OW' }),
      ]);
      expect((await whoami(member).expect(200)).body.active_organization).toBe(
        ownerA.organizationId,
      );
      // Now a member of A: A's owner sees them, but changes only the membership.
      await http().get(`/api/users/${member.userId}/`).set(ownerA.headers).expect(200);
      await http()
        .patch(`/api/users/${member.userId}/`)
        .set(ownerA.headers)
        .send({ first_name: 'Hijacked' })
        .expect(403);
      const [row] = await db.query(
        `SELECT first_name FROM htx_user WHERE id = ${Number(member.userId)}`,
      );
      expect(row.first_name).toBe('');
      // An invitation is used once.
      await http().post('/api/invite/accept').set(member.headers).send({ token }).expect(404);
    });

    it('cannot be joined by someone else holding its invitation', async () => {
      const invitee = await createAccount(testApp.app, { organizationTitle: 'D' });
      const intruder = await createAccount(testApp.app, { organizationTitle: 'E' });
      const token = await invite(ownerA, invitee.email);
      await http().post('/api/invite/accept').set(intruder.headers).send({ token }).expect(403);
      await http()
        .post('/api/invite/signup')
        .send({ token, email: intruder.email, password: 'long enough password' })
        .expect(400);
      expect((await membershipsOf(intruder.userId)).map((m) => m.organization_id)).toEqual([
        intruder.organizationId,
      ]);
      await http().post('/api/invite/accept').set(invitee.headers).send({ token }).expect(200);
    });
  });

  describe('a new person', () => {
    it('signs up with an invitation, as the invited email and role', async () => {
      const token = await invite(ownerA, 'newcomer@example.com', 'MA');
      const signed = await http()
        .post('/api/invite/signup')
        .send({ token, password: 'long enough password', first_name: 'New' })
        .expect(201);
      expect(signed.body.user).toMatchObject({
        email: 'newcomer@example.com',
        first_name: 'New',
        active_organization: ownerA.organizationId,
      });
      const me = await http()
        .get('/api/current-user/whoami')
        .set('Authorization', `Token ${signed.body.token}`)
        .expect(200);
      expect(me.body.email).toBe('newcomer@example.com');
      expect(await membershipsOf(me.body.id)).toEqual([
        expect.objectContaining({ organization_id: ownerA.organizationId, role: 'MA' }),
      ]);
      await http()
        .post('/api/invite/signup')
        .send({ token, password: 'long enough password' })
        .expect(404);
    });

    it("signs up with the organization's invite link, and an existing account accepts it", async () => {
      const { token } = (await http().get('/api/invite').set(ownerB.headers).expect(200)).body;
      await http()
        .post('/api/invite/signup')
        .send({ token, password: 'long enough password' })
        .expect(400);
      const signed = await http()
        .post('/api/invite/signup')
        .send({ token, email: 'linked@example.com', password: 'long enough password' })
        .expect(201);
      expect(signed.body.user.active_organization).toBe(ownerB.organizationId);
      await http()
        .post('/api/invite/signup')
        .send({ token, email: ownerA.email, password: 'long enough password' })
        .expect(400);
      await http().post('/api/invite/accept').set(ownerA.headers).send({ token }).expect(200);
      expect((await membershipsOf(ownerA.userId)).map((m) => m.organization_id)).toEqual([
        ownerA.organizationId,
        ownerB.organizationId,
      ]);
      await http()
        .patch('/api/current-user')
        .set(ownerA.headers)
        .send({ active_organization: ownerA.organizationId })
        .expect(200);
      await http()
        .post('/api/invite/accept')
        .set(ownerA.headers)
        .send({ token: 'x'.repeat(32) })
        .expect(404);
    });
  });

  describe('managing users (item 3)', () => {
    let admin: TestAccount;
    let annotator: TestAccount;

    beforeAll(async () => {
      admin = await createAccount(testApp.app, {
        organizationId: ownerA.organizationId,
        role: 'AD',
      });
      annotator = await createAccount(testApp.app, {
        organizationId: ownerA.organizationId,
        role: 'AN',
      });
    });

    it('needs the owner or an administrator to create or remove users', async () => {
      await http().delete(`/api/users/${admin.userId}/`).set(annotator.headers).expect(403);
      await http()
        .post('/api/users/')
        .set(annotator.headers)
        .send({ email: 'made-by-annotator@example.com' })
        .expect(403);
      await http()
        .patch(`/api/users/${admin.userId}/`)
        .set(annotator.headers)
        .send({ first_name: 'x' })
        .expect(403);
      await whoami(admin).expect(200);
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM htx_user WHERE email = 'made-by-annotator@example.com'`,
      );
      expect(Number(n)).toBe(0);
      await http().delete(`/api/users/${ownerA.userId}/`).set(admin.headers).expect(403);
      await whoami(ownerA).expect(200);
    });

    it('moves a removed user to another organization they belong to', async () => {
      const both = await createAccount(testApp.app, { organizationTitle: 'Home' });
      await http()
        .post('/api/invite/accept')
        .set(both.headers)
        .send({ token: await invite(ownerA, both.email) })
        .expect(200);
      expect((await whoami(both).expect(200)).body.active_organization).toBe(ownerA.organizationId);
      await http().delete(`/api/users/${both.userId}/`).set(admin.headers).expect(204);
      const me = await whoami(both).expect(200);
      expect(me.body.active_organization).toBe(both.organizationId);
    });
  });

  it('lets a user whom every organization removed accept a new invitation', async () => {
    const loner = await createAccount(testApp.app, { organizationId: ownerA.organizationId });
    await http().delete(`/api/users/${loner.userId}/`).set(ownerA.headers).expect(204);
    const refused = await whoami(loner).expect(403);
    expect(refused.body.detail).toMatch(/not an active member of any organization/);
    // The shared link does not undo a removal; a personal invitation does.
    const { token: link } = (await http().get('/api/invite').set(ownerA.headers)).body;
    await http().post('/api/invite/accept').set(loner.headers).send({ token: link }).expect(403);
    const token = await invite(ownerA, loner.email);
    await http().post('/api/invite/accept').set(loner.headers).send({ token }).expect(200);
    expect((await whoami(loner).expect(200)).body.active_organization).toBe(ownerA.organizationId);
  });

  describe('revoking invitations (item 4)', () => {
    it('applies to pending invitations only; never the owner or oneself', async () => {
      const admin = await createAccount(testApp.app, {
        organizationId: ownerA.organizationId,
        role: 'AD',
      });
      const revoke = (email: string) =>
        http().post('/api/invite/revoke').set(admin.headers).send({ email });
      await revoke(ownerA.email).expect(403);
      await revoke(admin.email).expect(403);
      const member = await createAccount(testApp.app, { organizationId: ownerA.organizationId });
      await revoke(member.email).expect(400);
      await whoami(ownerA).expect(200);
      await whoami(member).expect(200);
      const token = await invite(admin, 'pending@example.com');
      await revoke('pending@example.com').expect(200);
      await http()
        .post('/api/invite/signup')
        .send({ token, password: 'long enough password' })
        .expect(404);
    });

    it('keeps last_activity, writing it at most once a minute', async () => {
      const member = await createAccount(testApp.app, { organizationId: ownerA.organizationId });
      const lastActivity = async () =>
        (
          await db.query(`SELECT last_activity FROM htx_user WHERE id = ${Number(member.userId)}`)
        )[0].last_activity as string | null;
      expect(await lastActivity()).toBeNull();
      await whoami(member).expect(200);
      await waitFor(async () => (await lastActivity()) !== null);
      const first = new Date((await lastActivity()) as string);
      expect(Date.now() - first.getTime()).toBeLessThan(10_000);
      await whoami(member).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(new Date((await lastActivity()) as string).getTime()).toBe(first.getTime());
      const listed = await http().get(`/api/users/${member.userId}/`).set(ownerA.headers);
      expect(new Date(listed.body.last_activity).getTime()).toBe(first.getTime());
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
