import { activityEntryOf, AnsweredRequest, clip, projectIdOf } from './activity-entry';

const member = { organizationId: 7, user: { id: 3, email: 'ann@example.com' } };
const request = (overrides: Partial<AnsweredRequest> = {}): AnsweredRequest => ({
  method: 'POST',
  url: '/api/projects/12/import?commit_to_project=true',
  ip: '10.0.0.5',
  headers: { 'user-agent': 'sdk/1.0', referer: 'https://ls.example.com/projects/12' },
  auth: member,
  ...overrides,
});

describe('activityEntryOf', () => {
  it('records a member write under /api with what the response showed', () => {
    const entry = activityEntryOf(request(), 201, 12.6, Date.UTC(2026, 0, 1, 12, 0, 0));
    expect(entry).toEqual({
      user_id: 3,
      email: 'ann@example.com',
      organization_id: 7,
      request_method: 'POST',
      request_url: '/api/projects/12/import?commit_to_project=true',
      response_code: '201',
      datetime: new Date(Date.UTC(2026, 0, 1, 11, 59, 59, 987)),
      duration: 13,
      ip_address: '10.0.0.5',
      user_agent: 'sdk/1.0',
      http_referer: 'https://ls.example.com/projects/12',
      project_id: 12,
    });
  });

  it('records refused writes too, and never reads, anonymous calls or other paths', () => {
    expect(activityEntryOf(request({ method: 'DELETE' }), 404, 1)?.response_code).toBe('404');
    expect(activityEntryOf(request({ method: 'PATCH' }), 500, 1)?.response_code).toBe('500');
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(activityEntryOf(request({ method }), 200, 1)).toBeNull();
    }
    expect(activityEntryOf(request({ auth: undefined }), 401, 1)).toBeNull();
    expect(activityEntryOf(request({ url: '/user/login' }), 302, 1)).toBeNull();
    expect(activityEntryOf(request({ url: '/apiary' }), 201, 1)).toBeNull();
    expect(activityEntryOf(request({ url: '/api' }), 201, 1)).not.toBeNull();
  });

  it('fits every value to its column', () => {
    const entry = activityEntryOf(
      request({
        url: `/api/tasks/?q=${'x'.repeat(400)}`,
        headers: { 'user-agent': ['a'.repeat(2000), 'b'], referer: undefined },
        ip: undefined,
      }),
      200,
      -5,
    );
    expect(entry?.request_url).toHaveLength(256);
    expect(entry?.user_agent).toBe('a'.repeat(1024));
    expect(entry?.http_referer).toBe('');
    expect(entry?.ip_address).toBeNull();
    expect(entry?.duration).toBe(0);
    expect(entry?.project_id).toBeNull();
  });
});

describe('projectIdOf', () => {
  it('reads the project a path or a project parameter names', () => {
    expect(projectIdOf('/api/projects/5/')).toBe(5);
    expect(projectIdOf('/api/projects/5')).toBe(5);
    expect(projectIdOf('//api/projects/5/tasks?x=1')).toBe(5);
    expect(projectIdOf('/api/projects/5?x=1')).toBe(5);
    expect(projectIdOf('/api/dm/actions?id=delete_tasks&project=9')).toBe(9);
    expect(projectIdOf('/api/projects/')).toBeNull();
    expect(projectIdOf('/api/projects/counts/')).toBeNull();
    expect(projectIdOf('/api/projects/99999999999/')).toBeNull();
    expect(projectIdOf('/api/projects/0/')).toBeNull();
    expect(projectIdOf('/api/tasks/?subproject=4')).toBeNull();
  });
});

describe('clip', () => {
  it('never splits a surrogate pair and drops NUL characters', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('a\0b', 5)).toBe('ab');
    expect(clip('abc', 3)).toBe('abc');
  });
});
