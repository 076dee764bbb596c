import {
  contractFetch,
  createFreshDatabase,
  FreshDatabase,
  freePort,
  NodeProcess,
} from '@ls/core/testing';

async function cli(env: Record<string, string | undefined>, args: string[]) {
  const process = NodeProcess.start('apps/api/src/cli', { ...env, LOG_LEVEL: 'silent' }, args);
  const { code } = await process.exited;
  return { code, output: process.log.trim() };
}

describe('command line (e2e)', () => {
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await createFreshDatabase();
  });

  afterAll(() => database.drop());

  it('creates users in new and existing organizations whose tokens work against the API', async () => {
    const first = await cli(database.env, [
      'user',
      'create',
      '--email',
      'Owner@Example.com',
      '--password',
      'secret-123',
      '--organization',
      'Research',
      '--token',
      'cli-token-0123456789abcdef',
    ]);
    expect(first.code).toBe(0);
    const owner = JSON.parse(first.output);
    expect(owner).toMatchObject({
      email: 'owner@example.com',
      organization: 'Research',
      token: 'cli-token-0123456789abcdef',
    });

    const second = await cli(database.env, [
      'user',
      'create',
      '--email',
      'member@example.com',
      '--password',
      'secret-123',
      '--organization-id',
      String(owner.organization_id),
      '--role',
      'AD',
    ]);
    expect(second.code).toBe(0);
    const member = JSON.parse(second.output);
    expect(member.organization_id).toBe(owner.organization_id);

    const third = await cli(database.env, [
      'user',
      'create',
      '--email',
      'other@example.com',
      '--password',
      'secret-123',
    ]);
    expect(JSON.parse(third.output).organization_id).not.toBe(owner.organization_id);

    const duplicate = await cli(database.env, [
      'user',
      'create',
      '--email',
      'owner@example.com',
      '--password',
      'x',
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.output).toContain('already exists');

    const port = await freePort();
    const api = NodeProcess.start('apps/api/src/main', {
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    try {
      await api.waitForOutput('Label Studio API listening');
      const whoami = await contractFetch(`http://127.0.0.1:${port}/api/current-user/whoami`, {
        headers: { Authorization: `Token ${member.token}` },
      });
      expect(whoami.response.status).toBe(200);
      const body = whoami.body as { email: string; organization_membership: { role: string } };
      expect(body.email).toBe('member@example.com');
      expect(body.organization_membership.role).toBe('AD');
      const users = await contractFetch(`http://127.0.0.1:${port}/api/users/`, {
        headers: { Authorization: 'Token cli-token-0123456789abcdef' },
      });
      const emails = (users.body as { email: string }[]).map((user) => user.email);
      expect(emails).toEqual(['owner@example.com', 'member@example.com']);
    } finally {
      await api.stop();
    }
  });

  it('explains its usage', async () => {
    const usage = await cli(database.env, ['nope']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('user create --email');
  });
});
