import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';

const BOOTSTRAP = {
  LABEL_STUDIO_USERNAME: 'Admin@Example.com',
  LABEL_STUDIO_PASSWORD: 'bootstrap-password',
  LABEL_STUDIO_USER_TOKEN: 'bootstrap-token-0123456789',
};

describe('auth: legacy tokens and JWT personal access tokens (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  const bodies: unknown[] = [];

  /** Every body a test sees is kept, to check at the end that none carries a password. */
  const http = () => {
    const agent = testApp.http();
    return new Proxy(agent, {
      get(target, method: string) {
        const original = (target as unknown as Record<string, unknown>)[method];
        if (typeof original !== 'function') return original;
        return (...args: unknown[]) => {
          const test = (
            original as (...a: unknown[]) => { then: Function; expect: Function }
          ).apply(target, args);
          const then = test.then.bind(test);
          (test as { then: Function }).then = (resolve: Function, reject: Function) =>
            then((response: { body: unknown; text: string }) => {
              bodies.push(response.text);
              return resolve(response);
            }, reject);
          return test;
        };
      },
    });
  };

  beforeAll(async () => {
    testApp = await createAuthTestApp({ env: BOOTSTRAP });
    owner = await createAccount(testApp.app);
  });

  afterAll(() => testApp.close());

  it('creates the bootstrap user whose LABEL_STUDIO_USER_TOKEN works', async () => {
    const response = await http()
      .get('/api/current-user/whoami')
      .set('Authorization', `Token ${BOOTSTRAP.LABEL_STUDIO_USER_TOKEN}`)
      .expect(200);
    expectContract('WhoAmIUser', response.body);
    expect(response.body.email).toBe('admin@example.com');
    expect(response.body.organization_membership.role).toBe('OW');
    expect(response.body.permissions).toContain('projects.view');
  });

  it('keeps the bootstrap user single across restarts of the bootstrap', async () => {
    const dataSource = testApp.app.get(DataSource);
    const [{ count }] = await dataSource.query(
      `SELECT COUNT(*) AS count FROM htx_user WHERE email = 'admin@example.com'`,
    );
    expect(Number(count)).toBe(1);
  });

  it('whoami returns the documented fields for a token user', async () => {
    const response = await http().get('/api/current-user/whoami').set(owner.headers).expect(200);
    expectContract('WhoAmIUser', response.body);
    expect(response.body).toMatchObject({
      id: owner.userId,
      email: owner.email,
      active_organization: owner.organizationId,
    });
  });

  it('answers 401 without credentials, with a bad scheme, or with an unknown token', async () => {
    for (const header of [undefined, 'Basic abc', 'Token nope', 'Token', 'Bearer not.a.jwt']) {
      const request = http().get('/api/current-user/whoami');
      if (header) request.set('Authorization', header);
      const response = await request.expect(401);
      expect(response.body).toMatchObject({ status_code: 401, detail: expect.any(String) });
    }
  });

  it('reset-token makes the old token fail and the new one work', async () => {
    const account = await createAccount(testApp.app);
    const current = await http().get('/api/current-user/token').set(account.headers).expect(200);
    expect(current.body.token).toBe(account.token);
    const reset = await http()
      .post('/api/current-user/reset-token/')
      .set(account.headers)
      .expect(201);
    expectOperationResponse('api_current_user_reset_token_create', 201, reset.body);
    expectOperationResponse('api_current_user_token_retrieve', 200, current.body);
    expect(reset.body.token).toMatch(/^[0-9a-f]{40}$/);
    expect(reset.body.token).not.toBe(account.token);
    await http().get('/api/current-user/whoami').set(account.headers).expect(401);
    await http()
      .get('/api/current-user/whoami')
      .set('Authorization', `Token ${reset.body.token}`)
      .expect(200);
  });

  it('JWT: create -> refresh -> Bearer -> rotate -> old refresh fails -> blacklist -> refresh fails', async () => {
    const account = await createAccount(testApp.app);
    const created = await http().post('/api/token/').set(account.headers).expect(201);
    expectContract('LSEAPITokenCreate', created.body);
    const refreshToken: string = created.body.token;
    expect(refreshToken.split('.')).toHaveLength(3);

    const listed = await http().get('/api/token/').set(account.headers).expect(200);
    expectContract(['LSEAPITokenList'], listed.body);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].token).toBe(refreshToken.split('.').slice(0, 2).join('.'));
    await http().post('/api/token/').set(account.headers).expect(409);

    const refreshed = await http()
      .post('/api/token/refresh/')
      .send({ refresh: refreshToken })
      .expect(200);
    expectContract('TokenRefreshResponse', refreshed.body);
    const bearer = { Authorization: `Bearer ${refreshed.body.access}` };
    const me = await http().get('/api/current-user/whoami').set(bearer).expect(200);
    expect(me.body.id).toBe(account.userId);
    // A refresh token is not an access token.
    await http()
      .get('/api/current-user/whoami')
      .set('Authorization', `Bearer ${refreshToken}`)
      .expect(401);

    const rotated = await http()
      .post('/api/token/rotate/')
      .set(bearer)
      .send({ refresh: refreshToken })
      .expect(200);
    expectContract('TokenRotateResponse', rotated.body);
    await http().post('/api/token/refresh/').send({ refresh: refreshToken }).expect(401);
    await http().post('/api/token/rotate/').set(bearer).send({ refresh: refreshToken }).expect(400);
    const newRefresh: string = rotated.body.refresh;
    await http().post('/api/token/refresh/').send({ refresh: newRefresh }).expect(200);

    await http().post('/api/token/blacklist/').send({ refresh: newRefresh }).expect(204);
    await http().post('/api/token/refresh/').send({ refresh: newRefresh }).expect(401);
    await http().post('/api/token/blacklist/').send({ refresh: newRefresh }).expect(404);
    const after = await http().get('/api/token/').set(account.headers).expect(200);
    expect(after.body).toEqual([]);

    const rows = await testApp.app
      .get(DataSource)
      .query(`SELECT blacklisted_at FROM jwt_refresh_token WHERE user_id = ${account.userId}`);
    expect(rows).toHaveLength(2);
    expect(rows.every((row: { blacklisted_at: unknown }) => row.blacklisted_at !== null)).toBe(
      true,
    );
  });

  it('lets an owner revoke a listed (truncated) token, and nobody else', async () => {
    const account = await createAccount(testApp.app);
    const created = await http().post('/api/token/').set(account.headers).expect(201);
    const truncated = (await http().get('/api/token/').set(account.headers)).body[0].token;
    await http().post('/api/token/blacklist/').send({ refresh: truncated }).expect(404);
    await http()
      .post('/api/token/blacklist/')
      .set(owner.headers)
      .send({ refresh: truncated })
      .expect(404);
    await http()
      .post('/api/token/blacklist/')
      .set(account.headers)
      .send({ refresh: truncated })
      .expect(204);
    await http().post('/api/token/refresh/').send({ refresh: created.body.token }).expect(401);
  });

  it('rejects an expired or forged access token', async () => {
    const account = await createAccount(testApp.app);
    const { token } = (await http().post('/api/token/').set(account.headers)).body;
    const { access } = (await http().post('/api/token/refresh/').send({ refresh: token })).body;
    const claims = jwt.decode(access) as Record<string, number | string>;
    const [{ value: key }] = await testApp.app
      .get(DataSource)
      .query(`SELECT value FROM server_secret WHERE name = 'jwt_signing_key'`);
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ ...claims, iat: now - 600, exp: now - 300 }, key);
    const response = await http()
      .get('/api/current-user/whoami')
      .set('Authorization', `Bearer ${expired}`)
      .expect(401);
    expect(response.body.detail).toBe('Given token not valid for any token type');
    const forged = jwt.sign({ ...claims, exp: now + 300 }, 'not-the-key-not-the-key-not-the-key');
    await http()
      .get('/api/current-user/whoami')
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
  });

  it('JWT settings: turning legacy tokens off makes Token auth fail while Bearer works', async () => {
    const account = await createAccount(testApp.app);
    const settings = await http().get('/api/jwt/settings').set(account.headers).expect(200);
    expectContract('LSEJWTSettings', settings.body);
    expect(settings.body).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 365,
    });
    const { token } = (await http().post('/api/token/').set(account.headers).expect(201)).body;
    const { access } = (await http().post('/api/token/refresh/').send({ refresh: token })).body;
    const bearer = { Authorization: `Bearer ${access}` };

    const updated = await http()
      .post('/api/jwt/settings')
      .set(account.headers)
      .send({ api_token_ttl_days: 30, legacy_api_tokens_enabled: false })
      .expect(201);
    expectContract('LSEJWTSettings', updated.body);
    expect(updated.body).toMatchObject({
      legacy_api_tokens_enabled: false,
      api_token_ttl_days: 30,
    });

    const refused = await http().get('/api/current-user/whoami').set(account.headers).expect(401);
    expect(refused.body.detail).toMatch(/legacy token authentication has been disabled/);
    await http().get('/api/current-user/whoami').set(bearer).expect(200);
    // Other organizations are not affected.
    await http().get('/api/current-user/whoami').set(owner.headers).expect(200);

    await http()
      .post('/api/jwt/settings')
      .set(bearer)
      .send({ api_token_ttl_days: 30, api_tokens_enabled: false, legacy_api_tokens_enabled: true })
      .expect(201);
    await http().get('/api/current-user/whoami').set(bearer).expect(401);
    await http().post('/api/token/refresh/').send({ refresh: token }).expect(401);
    await http().get('/api/current-user/whoami').set(account.headers).expect(200);
  });

  it('validates JWT settings and refresh bodies', async () => {
    const bad = await http()
      .post('/api/jwt/settings')
      .set(owner.headers)
      .send({ api_token_ttl_days: 0, api_tokens_enabled: 'yes' })
      .expect(400);
    expect(Object.keys(bad.body.validation_errors).sort()).toEqual([
      'api_token_ttl_days',
      'api_tokens_enabled',
    ]);
    await http().post('/api/token/refresh/').send({}).expect(400);
    await http().post('/api/token/refresh/').send({ refresh: 'garbage' }).expect(401);
  });

  it('answers 20 failed token attempts quickly while another client keeps working', async () => {
    const started = Date.now();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http()
          .get('/api/users/')
          .set('Authorization', `Token ${'f'.repeat(39)}${i % 10}`),
      ),
    );
    const elapsed = Date.now() - started;
    expect(attempts.map((r) => r.status)).toEqual(Array(20).fill(401));
    await http().get('/api/current-user/whoami').set(owner.headers).expect(200);
    console.log(`20 failed token attempts answered in ${elapsed} ms`);
  });

  it('never returns a password or its hash', () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) {
      expect(body).not.toMatch(/\$argon2/);
      expect(body).not.toMatch(/"password"/);
    }
  });
});
