import { loadConfig } from '@ls/core';
import {
  contractFetch,
  createFreshDatabase,
  FreshDatabase,
  freePort,
  NodeProcess,
} from '@ls/core/testing';
import { createUser, parseOptions } from '../src/cli/user.commands';

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

    // The other cases through the same functions in this process: a process start costs seconds.
    const config = loadConfig(database.env, { LOG_LEVEL: 'silent' });
    const create = async (args: string[]) => createUser(config, parseOptions(args));
    const member = await create([
      '--email',
      'member@example.com',
      '--password',
      'secret-123',
      '--organization-id',
      String(owner.organization_id),
      '--role',
      'AD',
    ]);
    expect(member.organization_id).toBe(owner.organization_id);
    const other = await create(['--email', 'other@example.com', '--password', 'secret-123']);
    expect(other.organization_id).not.toBe(owner.organization_id);
    await expect(create(['--email', 'owner@example.com', '--password', 'x'])).rejects.toThrow(
      /already exists/,
    );
    await expect(create(['--email', 'a@example.com', '--pasword', 'x'])).rejects.toThrow(/pasword/);
    await expect(
      create(['--email', 'b@example.com', '--password', 'secret-123', '--role', 'ZZ']),
    ).rejects.toThrow(/--role must be one of/);

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
