import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import {
  allEntries,
  analyticsTestApp,
  newProject,
  POSITIVE,
  SENTIMENT_CONFIG,
  settledEntries,
} from './analytics-test-app';

interface Expected {
  method: string;
  url: string;
  status: number;
  account: TestAccount;
  project: number | null;
}

const describeEntry = (e: {
  method: string;
  url: string;
  status: number | string;
  user: number;
  org: number;
  project: number | null;
}) => `${e.method} ${e.url} ${e.status} user=${e.user} org=${e.org} project=${e.project}`;

/** Write requests over HTTP recorded by the API's own hook, on a fresh database. */
describe('activity log recording (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let strangerProject: number;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await analyticsTestApp();
    owner = await createAccount(testApp.app);
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    stranger = await createAccount(testApp.app);
    strangerProject = await newProject(testApp, stranger, 'Not yours');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('records 1,000 mixed writes exactly once each, refused ones included, no read and no body', async () => {
    const before = (await settledEntries(testApp, 1)).length;
    const secret = `pw-${randomUUID()}`;
    const expected: Expected[] = [];
    const send = async (
      account: TestAccount,
      method: 'post' | 'patch' | 'delete',
      url: string,
      status: number,
      project: number | null,
      body?: object,
    ) => {
      const request = http()[method](url).set(account.headers);
      const answer = await (body ? request.send(body) : request).expect(status);
      expected.push({ method: method.toUpperCase(), url, status, account, project });
      return answer.body as { id: number };
    };

    for (let cycle = 0; cycle < 100; cycle += 1) {
      const project = (
        await send(owner, 'post', '/api/projects/', 201, null, {
          title: `Cycle ${cycle}`,
          label_config: SENTIMENT_CONFIG,
        })
      ).id;
      await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
      await send(owner, 'patch', `/api/projects/${project}/`, 200, project, {
        title: `Renamed ${cycle}`,
      });
      const task = (
        await send(owner, 'post', '/api/tasks/', 201, project, { project, data: { text: 'hi' } })
      ).id;
      await send(owner, 'patch', `/api/tasks/${task}/`, 200, project, { data: { text: 'hello' } });
      await send(owner, 'post', `/api/tasks/${task}/annotations/`, 201, project, {
        result: POSITIVE,
      });
      await http().get(`/api/tasks/${task}/`).set(owner.headers).expect(200);
      await send(owner, 'delete', `/api/tasks/${task}/`, 204, project);
      // Refused: invalid (a password in the body, which must never be kept), another
      // organization's project, a role without the permission.
      await send(owner, 'post', '/api/projects/?source=test', 400, null, {
        title: 'x'.repeat(60),
        password: secret,
        token: secret,
      });
      await send(owner, 'patch', `/api/projects/${strangerProject}/`, 404, strangerProject, {
        title: 'Mine now',
      });
      await send(annotator, 'post', '/api/projects/', 403, null, { title: 'No', secret });
      await send(owner, 'delete', `/api/projects/${project}/`, 204, project);
    }
    expect(expected).toHaveLength(1000);

    const entries = await settledEntries(testApp, 1000, before);
    expect(entries).toHaveLength(1000);
    const recorded = entries.map((entry) =>
      describeEntry({
        method: entry.request_method,
        url: entry.request_url,
        status: entry.response_code,
        user: entry.user_id,
        org: entry.organization_id,
        project: entry.project_id,
      }),
    );
    const sent = expected.map((e) =>
      describeEntry({
        ...e,
        status: String(e.status),
        user: e.account.userId,
        org: e.account.organizationId,
      }),
    );
    expect([...recorded].sort()).toEqual([...sent].sort());
    for (const entry of entries) {
      expect(entry.duration).toBeGreaterThanOrEqual(0);
      expect(entry.email).toBe(entry.user_id === owner.userId ? owner.email : annotator.email);
      expect(entry.extra_data).toBeNull();
      expect(entry.ip_address).toBeTruthy();
      expect(Math.abs(entry.datetime.getTime() - Date.now())).toBeLessThan(120_000);
    }
    const everything = JSON.stringify(await allEntries(testApp));
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('x'.repeat(60));
  }, 180_000);

  it('records what the request carried: user agent, referer, query string cut to 256', async () => {
    const before = (await settledEntries(testApp, 0)).length;
    const url = `/api/projects/${strangerProject}/?q=${'z'.repeat(300)}`;
    await http()
      .patch(url)
      .set(owner.headers)
      .set('User-Agent', 'label-studio-sdk/2.0')
      .set('Referer', 'https://ls.example.com/projects')
      .send({ title: 'x' })
      .expect(404);
    const [entry] = await settledEntries(testApp, 1, before);
    expect(entry).toMatchObject({
      request_method: 'PATCH',
      request_url: url.slice(0, 256),
      response_code: '404',
      user_agent: 'label-studio-sdk/2.0',
      http_referer: 'https://ls.example.com/projects',
      project_id: strangerProject,
      organization_id: owner.organizationId,
    });
  });

  it("records the project a route reaches through its objects, and its workspace's owner", async () => {
    const before = (await settledEntries(testApp, 0)).length;
    const workspace = await http()
      .post('/api/workspaces/')
      .set(owner.headers)
      .send({ title: 'Logged' })
      .expect(201);
    const project = await newProject(testApp, owner, 'In a workspace');
    await http()
      .post(`/api/workspaces/${workspace.body.id}/projects/`)
      .set(owner.headers)
      .send({ project })
      .expect(201);
    const task = await http()
      .post('/api/tasks/')
      .set(owner.headers)
      .send({ project, data: { text: 'hi' } })
      .expect(201);
    await http()
      .patch(`/api/tasks/${task.body.id}/`)
      .set(owner.headers)
      .send({ data: { text: 'hello' } })
      .expect(200);
    const entries = await settledEntries(testApp, 4, before);
    const patched = entries.find((entry) => entry.request_method === 'PATCH');
    expect(patched).toMatchObject({ project_id: project, workspace_owner_id: owner.userId });
    const created = entries.find((entry) => entry.request_url === '/api/workspaces/');
    expect(created).toMatchObject({ project_id: null, workspace_owner_id: null });
  });

  it('records nothing for anonymous or unauthenticated writes', async () => {
    const before = (await settledEntries(testApp, 0)).length;
    await http().post('/api/projects/').send({ title: 'anon' }).expect(401);
    await http()
      .post('/api/projects/')
      .set('Authorization', 'Token not-a-real-token-000000')
      .send({ title: 'bad' })
      .expect(401);
    expect(await settledEntries(testApp, 0, before)).toHaveLength(0);
  });

  it('writes nothing with ACTIVITY_LOG=off, and says so in billing flags', async () => {
    const quiet = await analyticsTestApp({ ACTIVITY_LOG: 'off' });
    try {
      const account = await createAccount(quiet.app);
      await newProject(quiet, account);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await quiet.app.get(DataSource).query('SELECT id FROM activity_log')).toEqual([]);
      const billing = await quiet.http().get('/api/billing/info').set(account.headers).expect(200);
      expect(billing.body.billing_flags.allow_activity_log).toBe(false);
    } finally {
      await quiet.close();
    }
  });
});
