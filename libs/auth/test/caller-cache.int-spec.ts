import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

const whoami = (testApp: TestApp, account: TestAccount) =>
  testApp.http().get('/api/current-user/whoami').set(account.headers);

/** Deletes the token behind this process's back, as another replica would. */
const revokeElsewhere = (testApp: TestApp, account: TestAccount) =>
  testApp.app
    .get(DataSource)
    .query(`DELETE FROM authtoken_token WHERE user_id = ${Number(account.userId)}`);

describe('caller cache (e2e)', () => {
  // Long enough that two requests in a row fall within it on a loaded machine.
  describe('with AUTH_CACHE_TTL_MS=1500', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createAuthTestApp({ env: { AUTH_CACHE_TTL_MS: '1500' } });
    });

    afterAll(() => testApp.close());

    it('applies changes made through this process at once', async () => {
      const account = await createAccount(testApp.app);
      await whoami(testApp, account).expect(200);
      await testApp.http().post('/api/current-user/reset-token/').set(account.headers).expect(201);
      await whoami(testApp, account).expect(401);
    });

    it('refuses a token revoked elsewhere after at most the TTL', async () => {
      const account = await createAccount(testApp.app);
      await whoami(testApp, account).expect(200);
      await revokeElsewhere(testApp, account);
      await whoami(testApp, account).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      await whoami(testApp, account).expect(401);
    });

    it('never remembers a refusal', async () => {
      const account = await createAccount(testApp.app);
      const setRole = (role: string) =>
        testApp.app
          .get(DataSource)
          .query(
            `UPDATE organization_member SET role = '${role}' WHERE user_id = ${Number(account.userId)}`,
          );
      // Deactivated and reactivated behind this process's back (no cache flush either time):
      // the refusal is not remembered, so the reactivation counts at once, well within the TTL.
      await setRole('DI');
      await whoami(testApp, account).expect(403);
      await setRole('OW');
      await whoami(testApp, account).expect(200);
    });
  });

  describe('with AUTH_CACHE_TTL_MS=0', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createAuthTestApp({ env: { AUTH_CACHE_TTL_MS: '0' } });
    });

    afterAll(() => testApp.close());

    it('reads the caller on every request', async () => {
      const account = await createAccount(testApp.app);
      await whoami(testApp, account).expect(200);
      await revokeElsewhere(testApp, account);
      await whoami(testApp, account).expect(401);
    });
  });
});
