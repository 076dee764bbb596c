import { DataSource, Repository } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { ActivityLog, ActivityLogRetention } from '@ls/analytics';
import { expectContract, TestApp } from '@ls/core/testing';
import { analyticsTestApp } from './analytics-test-app';

const LIST = '/api/activity-logs/';
// The contract wraps the answer in a list; Label Studio's own page reads the object
// (behavior-enterprise §2.6), so each answer is checked against `ActivityLogResponse` itself.
const AS_OBJECT = 'the contract lists ActivityLogResponse in an array; we answer the object';

/** What these tests write: never a body (`extra_data`). */
type Row = Omit<ActivityLog, 'extra_data'>;

interface LogPage {
  data: { id: number; request_url: string; datetime: string; [field: string]: unknown }[];
  recordsTotal: number;
  recordsFiltered: number;
}

/** Listing entries written straight into the table, so dates and values are known. */
describe('activity log listing (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let admin: TestAccount;
  let annotator: TestAccount;
  let stranger: TestAccount;
  let logs: Repository<ActivityLog>;
  const http = () => testApp.http();

  // Day 1 is 30 days ago: inside the retention period, whatever today is.
  const dayOne = new Date(Date.now() - 30 * 86_400_000);
  const at = (day: number, hour = 12) =>
    new Date(
      Date.UTC(dayOne.getUTCFullYear(), dayOne.getUTCMonth(), dayOne.getUTCDate() + day - 1, hour),
    );
  const dayText = (day: number) => at(day).toISOString().slice(0, 10);
  const atText = (day: number, time: string) => `${dayText(day)}T${time}`;
  const entry = (overrides: Partial<Row>): Partial<Row> => ({
    user_id: owner.userId,
    email: owner.email,
    organization_id: owner.organizationId,
    request_method: 'POST',
    request_url: '/api/projects/',
    response_code: '201',
    datetime: at(1),
    duration: 5,
    ip_address: '127.0.0.1',
    user_agent: 'test',
    http_referer: '',
    project_id: null,
    ...overrides,
  });

  const list = async (query: Record<string, string | number>, account = owner) => {
    const answer = await http()
      .get(LIST)
      .query(query)
      .set(account.headers)
      .skipContract(AS_OBJECT)
      .expect(200);
    expectContract('ActivityLogResponse', answer.body);
    return answer.body as LogPage;
  };
  const urls = (page: LogPage) => page.data.map((log) => log.request_url);

  beforeAll(async () => {
    // Entries of these tests are written by hand; the requests below are reads anyway.
    testApp = await analyticsTestApp({ ACTIVITY_LOG: 'off' });
    owner = await createAccount(testApp.app);
    admin = await createAccount(testApp.app, { organizationId: owner.organizationId, role: 'AD' });
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    stranger = await createAccount(testApp.app);
    logs = testApp.app.get(DataSource).getRepository(ActivityLog);
    await logs.insert([
      entry({ request_url: '/api/projects/', datetime: at(1) }),
      entry({
        request_method: 'PATCH',
        request_url: '/api/projects/7/',
        project_id: 7,
        datetime: at(2),
      }),
      entry({
        request_method: 'DELETE',
        request_url: '/api/tasks/3/',
        response_code: '204',
        datetime: at(3),
      }),
      entry({
        request_method: 'POST',
        request_url: '/api/projects/7/import?commit_to_project=true',
        project_id: 7,
        user_id: admin.userId,
        email: admin.email,
        datetime: at(4),
        workspace_owner_id: admin.userId,
      }),
      entry({
        request_method: 'PUT',
        request_url: '/api/webhooks/2/',
        datetime: at(5),
        duration: 900,
      }),
      entry({ request_url: '/api/tasks/100%_done/', datetime: at(6) }),
      entry({
        organization_id: stranger.organizationId,
        user_id: stranger.userId,
        email: stranger.email,
        request_url: '/api/projects/99/secret',
        project_id: 99,
        datetime: at(3),
      }),
    ]);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it("lists the organization's entries newest first, with both totals", async () => {
    const page = await list({});
    expect(page.recordsTotal).toBe(6);
    expect(page.recordsFiltered).toBe(6);
    expect(page.data.map((log) => log.datetime)).toEqual(
      [6, 5, 4, 3, 2, 1].map((day) => at(day).toISOString()),
    );
    expect(page.data[0]).toMatchObject({
      email: owner.email,
      organization_id: owner.organizationId,
      extra_data: null,
      user_session: null,
      workspace_owner_id: null,
    });
    expect(urls(await list({ user: stranger.userId }))).toEqual([]);
    expect(urls(await list({ project: 99 }))).toEqual([]);

    const theirs = await list({}, stranger);
    expect(theirs.recordsTotal).toBe(1);
    expect(urls(theirs)).toEqual(['/api/projects/99/secret']);
    await list({}, admin);
  });

  it('filters by method, dates, user, project, workspace owner and URL words', async () => {
    const filtered = async (query: Record<string, string | number>) => {
      const page = await list(query);
      expect(page.recordsTotal).toBe(6);
      expect(page.recordsFiltered).toBe(page.data.length);
      return urls(page);
    };
    expect(await filtered({ method: 'PATCH' })).toEqual(['/api/projects/7/']);
    expect(await filtered({ method: 'delete' })).toEqual(['/api/tasks/3/']);
    expect(await filtered({ method: 'GET' })).toEqual([]);
    expect(await filtered({ method: 'all' })).toHaveLength(6);
    expect(await filtered({ start_date: dayText(5) })).toEqual([
      '/api/tasks/100%_done/',
      '/api/webhooks/2/',
    ]);
    expect(await filtered({ end_date: dayText(2) })).toEqual([
      '/api/projects/7/',
      '/api/projects/',
    ]);
    expect(
      await filtered({
        start_date: atText(2, '12:00:00Z'),
        end_date: atText(3, '11:59:59+00:00'),
      }),
    ).toEqual(['/api/projects/7/']);
    expect(
      await filtered({ start_date: atText(4, '13:00:00+01:00'), end_date: dayText(4) }),
    ).toEqual(['/api/projects/7/import?commit_to_project=true']);
    expect(await filtered({ user: admin.userId })).toEqual([
      '/api/projects/7/import?commit_to_project=true',
    ]);
    expect(await filtered({ project: 7 })).toEqual([
      '/api/projects/7/import?commit_to_project=true',
      '/api/projects/7/',
    ]);
    expect(await filtered({ workspace: admin.userId })).toEqual([
      '/api/projects/7/import?commit_to_project=true',
    ]);
    expect(await filtered({ search: 'projects AND import' })).toEqual([
      '/api/projects/7/import?commit_to_project=true',
    ]);
    expect(await filtered({ search: 'WEBHOOKS OR tasks/3' })).toEqual([
      '/api/webhooks/2/',
      '/api/tasks/3/',
    ]);
    expect(await filtered({ search: '100%_' })).toEqual(['/api/tasks/100%_done/']);
    expect(await filtered({ search: '%' })).toEqual(['/api/tasks/100%_done/']);
    expect(await filtered({ method: 'POST', search: 'projects', user: owner.userId })).toEqual([
      '/api/projects/',
    ]);
  });

  it('orders by the field asked, the id breaking ties', async () => {
    expect(urls(await list({ ordering: 'datetime' }))[0]).toBe('/api/projects/');
    expect(urls(await list({ ordering: '-duration' }))[0]).toBe('/api/webhooks/2/');
    const byMethod = await list({ ordering: 'request_method,-datetime' });
    expect(byMethod.data.map((log) => log.request_method)).toEqual([
      'DELETE',
      'PATCH',
      'POST',
      'POST',
      'POST',
      'PUT',
    ]);
    expect(urls(byMethod).slice(2, 5)).toEqual([
      '/api/tasks/100%_done/',
      '/api/projects/7/import?commit_to_project=true',
      '/api/projects/',
    ]);
  });

  it('pages with page/page_size or start/length, -1 for all, 404 past the last page', async () => {
    const first = await list({ page: 1, page_size: 4 });
    const second = await list({ page: 2, page_size: 4 });
    expect(first.data).toHaveLength(4);
    expect(second.data).toHaveLength(2);
    expect(second.recordsFiltered).toBe(6);
    expect(new Set([...urls(first), ...urls(second)]).size).toBe(6);
    expect(urls(await list({ start: 2, length: 4 }))).toEqual(urls(second));
    expect(await list({ page_size: -1 })).toMatchObject({ recordsFiltered: 6 });
    expect((await list({ length: -1 })).data).toHaveLength(6);

    const past = await http().get(LIST).query({ page: 3, page_size: 4 }).set(owner.headers);
    expect(past.status).toBe(404);
    expect(past.body.detail).toBe('No more logs found');
    await http().get(LIST).query({ page: 2, method: 'GET' }).set(owner.headers).expect(404);
    expect(await list({ method: 'GET' })).toMatchObject({ data: [], recordsFiltered: 0 });
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const bad: [Record<string, string>, string][] = [
      [{ method: 'FETCH' }, 'method'],
      [{ start_date: 'yesterday' }, 'start_date'],
      [{ end_date: '2026-02-30' }, 'end_date'],
      [{ user: 'me' }, 'user'],
      [{ project: '-1' }, 'project'],
      [{ page: '0' }, 'page'],
      [{ page_size: '0' }, 'page_size'],
      [{ length: '-2' }, 'length'],
      [{ ordering: 'password' }, 'ordering'],
      [{ search: 'x'.repeat(300) }, 'search'],
      [{ search: Array(30).fill('w').join(' OR ') }, 'search'],
    ];
    for (const [query, field] of bad) {
      const answer = await http().get(LIST).query(query).set(owner.headers).expect(400);
      expect(Object.keys(answer.body.validation_errors)).toEqual([field]);
    }
  });

  it('is for owners and administrators only', async () => {
    await http().get(LIST).set(annotator.headers).expect(403);
    await http().get(LIST).expect(401);
  });

  it('deletes entries past the retention period, in batches, and nothing else', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 181 * 86_400_000);
    const recent = new Date(now.getTime() - 179 * 86_400_000);
    const before = await logs.count();
    const expired = Array.from({ length: 5_003 }, (_, n) =>
      entry({ request_url: `/old/${n}`, datetime: old }),
    );
    for (let start = 0; start < expired.length; start += 500) {
      await logs.insert(expired.slice(start, start + 500));
    }
    await logs.insert(entry({ request_url: '/recent', datetime: recent }));
    const retention = testApp.app.get(ActivityLogRetention);
    expect(await retention.sweep(now)).toBe(5_003);
    expect(await logs.count()).toBe(before + 1);
    expect(await retention.sweepIfDue(now)).toBe(0);
    expect(await retention.sweep(now)).toBe(0);
  });
});
