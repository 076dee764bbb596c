import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Issue 11, item 6: legacy keys at rest, their length, and rate limits on credentials. */
describe('credentials: storage and limits (e2e)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let owner: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', AUTH_FAILURE_LIMIT_PER_MINUTE: '3' },
    });
    db = testApp.app.get(DataSource);
    owner = await createAccount(testApp.app);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();

  it('stores legacy keys as a hash and a sealed copy, and still shows the key to its owner', async () => {
    const rows: Record<string, unknown>[] = await db.query('SELECT * FROM authtoken_token');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(owner.token);
    const mine = rows.find((row) => row.user_id === owner.userId) as Record<string, unknown>;
    expect(mine.key_hash).toBe(sha256(owner.token));
    const shown = await http().get('/api/current-user/token').set(owner.headers).expect(200);
    expect(shown.body).toEqual({ token: owner.token });

    const reset = await http().post('/api/current-user/reset-token/').set(owner.headers);
    expect(reset.status).toBe(201);
    await http().get('/api/current-user/whoami').set(owner.headers).expect(401);
    const renewed = { Authorization: `Token ${reset.body.token}` };
    expect((await http().get('/api/current-user/token').set(renewed)).body).toEqual(reset.body);
    owner = { ...owner, token: reset.body.token, headers: renewed };
  });

  it('refuses keys shorter than 20 characters, given or sent', async () => {
    await expect(
      testApp.app.get(AccountsService).create({
        email: 'short@example.com',
        password: 'long enough password',
        token: 'short-token-1234567',
      }),
    ).rejects.toMatchObject({ errors: { token: [expect.stringMatching(/20 to 40/)] } });
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM htx_user WHERE email = 'short@example.com'`,
    );
    expect(Number(n)).toBe(0);
    await http().get('/api/current-user/whoami').set('Authorization', 'Token a').expect(401);
  });

  it('limits token refreshes per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await http().post('/api/token/refresh/').send({ refresh: 'x' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await http().post('/api/token/blacklist/').send({ refresh: 'x' });
    expect([404, 429]).toContain(limited.status);
  });

  it('blocks an address after too many failed authentications, even for a good key', async () => {
    // A server of its own: the tests above already failed twice from this address.
    const fresh = await createAuthTestApp({ env: { AUTH_FAILURE_LIMIT_PER_MINUTE: '3' } });
    try {
      const account = await createAccount(fresh.app);
      const bad = { Authorization: `Token ${'0'.repeat(40)}` };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await fresh.http().get('/api/current-user/whoami').set(bad)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const blocked = await fresh
        .http()
        .get('/api/current-user/whoami')
        .set(account.headers)
        .expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.body.detail).toMatch(/Too many failed authentication attempts/);
      // Requests without credentials are not guesses: they still get their 401.
      await fresh.http().get('/api/current-user/whoami').expect(401);
    } finally {
      await fresh.close();
    }
  });
});
