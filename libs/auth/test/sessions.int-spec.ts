import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { SessionAuth, UserSession } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The server's name as the tests' browser sees it. */
const HOST = 'ls.example';
const SAME_ORIGIN = { Host: HOST, 'Sec-Fetch-Site': 'same-origin' };
const PASSWORD = 'correct horse battery';

/** The `ls_session` cookie a response sets: its value and its attributes. */
function sessionCookieOf(response: Response): { token: string; attributes: string[] } {
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((line) => line.startsWith('ls_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
  return { token: pair.slice('ls_session='.length), attributes };
}

/** Issue 18: signing in to the browser pages with a session cookie. */
describe('browser sessions (e2e)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let owner: TestAccount;
  /** Each test signs in from an address of its own, so that failures counted elsewhere don't block it. */
  let addressCounter = 0;
  const nextAddress = () => `203.0.113.${(addressCounter += 1)}`;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      env: {
        TRUSTED_PROXIES: '127.0.0.1, ::1, ::ffff:127.0.0.1',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '3',
      },
    });
    db = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app, { password: PASSWORD });
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const sessionRow = (token: string) =>
    db.getRepository(UserSession).findOneByOrFail({ token_hash: sha256(token) });

  async function signIn(email = owner.email, password = PASSWORD): Promise<string> {
    const response = await http()
      .post('/user/login')
      .set('X-Forwarded-For', nextAddress())
      .send({ email, password })
      .expect(200);
    return sessionCookieOf(response).token;
  }

  const whoami = (token: string, headers: Record<string, string> = SAME_ORIGIN) =>
    http().get('/api/current-user/whoami').set(headers).set('Cookie', `ls_session=${token}`);

  describe('POST /user/login', () => {
    it('takes an HTML form, sets the cookie and redirects to the page asked for', async () => {
      const response = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .type('form')
        .send({ email: owner.email.toUpperCase(), password: PASSWORD, next: '/projects/1/data' })
        .expect(303);
      expect(response.headers.location).toBe('/projects/1/data');
      const { token, attributes } = sessionCookieOf(response);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=1209600']),
      );
      expect(attributes).not.toContain('Secure');

      // Stored as a hash only, with who signed in from where.
      const rows: Record<string, unknown>[] = await db.query('SELECT * FROM user_session');
      expect(JSON.stringify(rows)).not.toContain(token);
      const row = await sessionRow(token);
      expect(row).toMatchObject({ user_id: owner.userId, revoked_at: null });
      expect(row.ip_address).toMatch(/^203\.0\.113\./);
      const lifetime = row.expires_at.getTime() - row.created_at.getTime();
      expect(Math.abs(lifetime - 1_209_600_000)).toBeLessThan(5_000);

      const me = await whoami(token).expect(200);
      expect(me.body).toMatchObject({ id: owner.userId, email: owner.email });
    });

    it('takes JSON and answers the user', async () => {
      const response = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: owner.email, password: PASSWORD })
        .expect(200);
      expect(response.body).toEqual({ id: owner.userId, email: owner.email });
      expect(sessionCookieOf(response).attributes).toContain('HttpOnly');
    });

    it('marks the cookie Secure when the request came over TLS (through a trusted proxy)', async () => {
      const response = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .set('X-Forwarded-Proto', 'https')
        .send({ email: owner.email, password: PASSWORD })
        .expect(200);
      expect(sessionCookieOf(response).attributes).toContain('Secure');
    });

    it('refuses a wrong password: the form comes back with an error, JSON is a 400', async () => {
      const form = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .type('form')
        .send({ email: owner.email, password: 'wrong password', next: '/projects/2/data' })
        .expect(303);
      expect(form.headers.location).toBe(
        `/user/login?error=1&next=${encodeURIComponent('/projects/2/data')}`,
      );
      expect(form.headers['set-cookie']).toBeUndefined();
      const json = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: 'nobody@example.com', password: PASSWORD })
        .expect(400);
      expect(json.body).toMatchObject({ status_code: 400, detail: expect.any(String) });
      expect(json.headers['set-cookie']).toBeUndefined();
    });

    it('refuses an inactive user', async () => {
      const account = await createAccount(testApp.app, { password: PASSWORD });
      await db.query(`UPDATE htx_user SET is_active = FALSE WHERE id = ${Number(account.userId)}`);
      await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: account.email, password: PASSWORD })
        .expect(400);
    });

    it('redirects only to a path of this server', async () => {
      for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/', '']) {
        const response = await http()
          .post('/user/login')
          .set('X-Forwarded-For', nextAddress())
          .type('form')
          .send({ email: owner.email, password: PASSWORD, next })
          .expect(303);
        expect(response.headers.location).toBe('/');
      }
    });

    it('limits failed sign-ins per client address and per account (429)', async () => {
      const target = await createAccount(testApp.app, { password: PASSWORD });
      const attempt = (address: string, email: string, password: string) =>
        http()
          .post('/user/login')
          .set('X-Forwarded-For', address)
          .send({ email, password })
          .then((response) => response.status);

      // One address guessing several accounts.
      const address = nextAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push(await attempt(address, `guess${i}@example.com`, 'wrong password'));
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
      expect(await attempt(address, target.email, PASSWORD)).toBe(429);

      // Several addresses guessing one account.
      const perAccount: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        perAccount.push(await attempt(nextAddress(), target.email, 'wrong password'));
      }
      expect(perAccount).toEqual([400, 400, 400, 429]);
      const blocked = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: target.email, password: PASSWORD })
        .expect(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      // Other accounts sign in as before.
      await signIn();
    });
  });

  describe('the cookie as a credential', () => {
    it('authenticates same-origin requests and GETs without a browser', async () => {
      const token = await signIn();
      await whoami(token).expect(200);
      await whoami(token, { Host: HOST, Origin: `http://${HOST}` }).expect(200);
      await whoami(token, { Host: HOST }).expect(200);
      await http()
        .patch('/api/current-user')
        .set({ Host: HOST, Origin: `http://${HOST}` })
        .set('Cookie', `ls_session=${token}`)
        .send({ first_name: 'Same' })
        .expect(200);
      const [{ first_name }] = await db.query(
        `SELECT first_name FROM htx_user WHERE id = ${Number(owner.userId)}`,
      );
      expect(first_name).toBe('Same');
    });

    it('is ignored on cross-site requests, which change nothing', async () => {
      const token = await signIn();
      const cookie = `ls_session=${token}`;
      const refused = await http()
        .patch('/api/current-user')
        .set({ Host: HOST, Origin: 'https://evil.example' })
        .set('Cookie', cookie)
        .send({ first_name: 'Evil' })
        .expect(401);
      expect(refused.body.detail).toBe('Authentication credentials were not provided.');
      await http()
        .post('/api/token')
        .set({ Host: HOST, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })
        .set('Cookie', cookie)
        .expect(401);
      // Not a browser: writes need a header credential.
      await http().post('/api/token').set({ Host: HOST }).set('Cookie', cookie).expect(401);
      await whoami(token, { Host: HOST, 'Sec-Fetch-Site': 'cross-site' }).expect(401);
      await whoami(token, { Host: HOST, 'Sec-Fetch-Site': 'same-site' }).expect(401);
      // The same origin on another scheme is another origin.
      await whoami(token, { Host: HOST, Origin: `https://${HOST}` }).expect(401);

      const [{ first_name }] = await db.query(
        `SELECT first_name FROM htx_user WHERE id = ${Number(owner.userId)}`,
      );
      expect(first_name).not.toBe('Evil');
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM jwt_refresh_token WHERE user_id = ${Number(owner.userId)}`,
      );
      expect(Number(n)).toBe(0);
      // The session itself is fine.
      await whoami(token).expect(200);
    });

    it("is not switched off by the organization's token settings", async () => {
      const account = await createAccount(testApp.app, { password: PASSWORD });
      const token = await signIn(account.email);
      await http()
        .post('/api/jwt/settings')
        .set(account.headers)
        .send({
          api_token_ttl_days: 30,
          api_tokens_enabled: false,
          legacy_api_tokens_enabled: false,
        })
        .expect(201);
      await http().get('/api/current-user/whoami').set(account.headers).expect(401);
      const me = await whoami(token).expect(200);
      expect(me.body.id).toBe(account.userId);
    });

    it('leaves an Authorization header in charge', async () => {
      const token = await signIn();
      await whoami(token, { ...SAME_ORIGIN, Authorization: 'Token not-a-valid-key-at-all' }).expect(
        401,
      );
    });

    it('refuses unknown and malformed tokens', async () => {
      await whoami('x'.repeat(43)).expect(401);
      await whoami('short').expect(401);
    });
  });

  describe('ending sessions', () => {
    it('signs out: revokes the session, clears the cookie, goes to the sign-in page', async () => {
      const token = await signIn();
      const response = await http()
        .post('/user/logout')
        .set(SAME_ORIGIN)
        .set('Cookie', `ls_session=${token}`)
        .expect(303);
      expect(response.headers.location).toBe('/user/login');
      const cleared = sessionCookieOf(response);
      expect(cleared.token).toBe('');
      expect(cleared.attributes).toContain('Max-Age=0');
      await whoami(token).expect(401);
      expect((await sessionRow(token)).revoked_at).toBeInstanceOf(Date);

      const other = await signIn();
      await http().get('/user/logout').set('Cookie', `ls_session=${other}`).expect(303);
      await whoami(other).expect(401);
      // Without a session there is nothing to end.
      await http().get('/user/logout').expect(303);
    });

    it('ends the other sessions of a user who changes their password', async () => {
      const account = await createAccount(testApp.app, { password: PASSWORD });
      const current = await signIn(account.email);
      const elsewhere = await signIn(account.email);
      await http()
        .patch('/api/current-user')
        .set(SAME_ORIGIN)
        .set('Cookie', `ls_session=${current}`)
        .send({ password: 'a new long password' })
        .expect(200);
      await whoami(elsewhere).expect(401);
      await whoami(current).expect(200);
      expect((await sessionRow(elsewhere)).revoked_at).toBeInstanceOf(Date);

      // Changed with a token instead: every session ends.
      await http()
        .patch('/api/current-user')
        .set(account.headers)
        .send({ password: 'another long password' })
        .expect(200);
      await whoami(current).expect(401);
      await signIn(account.email, 'another long password');
    });

    it('ends the sessions of a member who is deactivated or removed', async () => {
      const member = await createAccount(testApp.app, {
        password: PASSWORD,
        organizationId: owner.organizationId,
        role: 'AN',
      });
      const token = await signIn(member.email);
      await whoami(token).expect(200);
      await http()
        .patch(`/api/organizations/${owner.organizationId}/memberships`)
        .set(owner.headers)
        .send({ user_id: member.userId, role: 'DI' })
        .expect(200);
      expect((await sessionRow(token)).revoked_at).toBeInstanceOf(Date);
    });

    it('records when a session was last used, at most once a minute', async () => {
      const token = await signIn();
      const sessions = db.getRepository(UserSession);
      const before = new Date(Date.now() - 5 * 60_000);
      await sessions.update({ token_hash: sha256(token) }, { last_seen_at: before });
      await whoami(token).expect(200);
      let seen = before;
      for (let i = 0; i < 50 && seen.getTime() === before.getTime(); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = (await sessionRow(token)).last_seen_at;
      }
      expect(Date.now() - seen.getTime()).toBeLessThan(10_000);
      await whoami(token).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await sessionRow(token)).last_seen_at).toEqual(seen);
    });

    it('refuses a session past its expiry', async () => {
      const token = await signIn();
      await whoami(token).expect(200);
      await db
        .getRepository(UserSession)
        .update({ token_hash: sha256(token) }, { expires_at: new Date(Date.now() - 1000) });
      const refused = await whoami(token).expect(401);
      expect(refused.body.detail).toMatch(/session has ended/);
    });

    it("follows the organization's session policy: its lifetime, and idle time", async () => {
      const account = await createAccount(testApp.app, { password: PASSWORD });
      await http()
        .patch('/api/session-policy/')
        .set(account.headers)
        .send({ max_session_age: 60, max_time_between_activity: 10 })
        .expect(200);
      const response = await http()
        .post('/user/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: account.email, password: PASSWORD })
        .expect(200);
      const { token, attributes } = sessionCookieOf(response);
      expect(attributes).toContain('Max-Age=3600');
      await whoami(token).expect(200);

      // Unused for longer than max_time_between_activity (10 minutes).
      const sessions = db.getRepository(UserSession);
      await sessions.update(
        { token_hash: sha256(token) },
        { last_seen_at: new Date(Date.now() - 11 * 60_000) },
      );
      await whoami(token).expect(401);

      // A policy made shorter applies to sessions already open.
      const other = await signIn(account.email);
      await http()
        .patch('/api/session-policy/')
        .set(account.headers)
        .send({ max_session_age: 1 })
        .expect(200);
      await sessions.update(
        { token_hash: sha256(other) },
        { created_at: new Date(Date.now() - 2 * 60_000) },
      );
      await whoami(other).expect(401);
    });
  });

  describe('SessionAuth.callerOf, for the browser pages', () => {
    const page = (headers: Record<string, string>) => ({
      method: 'GET',
      headers: { host: HOST, ...headers },
      protocol: 'http',
    });

    it('finds the signed-in user of a page, and null without one', async () => {
      const sessions = testApp.app.get(SessionAuth);
      const token = await signIn();
      const cookie = `ls_session=${token}`;
      const caller = await sessions.callerOf(page({ cookie, 'sec-fetch-site': 'none' }));
      expect(caller).toMatchObject({
        user: { id: owner.userId },
        organizationId: owner.organizationId,
        method: 'session',
      });
      expect(await sessions.callerOf(page({ cookie, 'sec-fetch-site': 'same-origin' }))).not.toBe(
        null,
      );
      expect(await sessions.callerOf(page({}))).toBeNull();
      expect(await sessions.callerOf(page({ cookie, 'sec-fetch-site': 'cross-site' }))).toBeNull();
      expect(await sessions.callerOf(page({ cookie: 'ls_session=nonsense' }))).toBeNull();
      await http().get('/user/logout').set('Cookie', cookie).expect(303);
      expect(await sessions.callerOf(page({ cookie, 'sec-fetch-site': 'none' }))).toBeNull();
    });
  });
});
