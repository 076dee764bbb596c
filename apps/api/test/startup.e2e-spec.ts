import {
  contractFetch,
  createFreshDatabase,
  FreshDatabase,
  freePort,
  NodeProcess,
} from '@ls/core/testing';

/** The built entry points, started as an operator would start them. */
describe('process start-up (e2e)', () => {
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await createFreshDatabase();
  });

  afterAll(() => database.drop());

  it('stops with one line naming a bad setting', async () => {
    const api = NodeProcess.start('apps/api/src/main', { ...database.env, PORT: 'eighty' });
    expect((await api.exited).code).toBe(1);
    expect(api.log.trim()).toMatch(
      /^Invalid setting PORT: .*PORT must be an integer number.*\(got "eighty"\)$/,
    );
    expect(api.log.trim().split('\n')).toHaveLength(1);
  });

  it('a worker without REDIS_URL refuses to start and says why', async () => {
    const worker = NodeProcess.start('apps/worker/src/main', { ...database.env, REDIS_URL: '' });
    expect((await worker.exited).code).toBe(1);
    expect(worker.log).toContain('REDIS_URL is required by the worker');
  });

  it('the API starts, migrates, serves, and shuts down on SIGTERM', async () => {
    const port = await freePort();
    const api = NodeProcess.start('apps/api/src/main', {
      ...database.env,
      REDIS_URL: process.env.REDIS_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    try {
      await api.waitForOutput('Label Studio API listening');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      const version = await contractFetch(`http://127.0.0.1:${port}/api/version`);
      expect((version.body as { edition: string }).edition).toBe('Community');
      // the browser pages: sign in first
      const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(home.status).toBe(303);
      expect(home.headers.get('location')).toBe('/user/login?next=%2F');
      const firstLine = JSON.parse(api.log.split('\n')[0]);
      expect(firstLine).toMatchObject({
        level: expect.any(Number),
        role: 'api',
        msg: expect.any(String),
      });
    } finally {
      api.child.kill('SIGTERM');
    }
    expect((await api.exited).code).toBe(0);
  });

  it('serves no page with UI_ENABLED=false, and the API as before', async () => {
    const port = await freePort();
    const api = NodeProcess.start('apps/api/src/main', {
      ...database.env,
      REDIS_URL: process.env.REDIS_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      UI_ENABLED: 'false',
    });
    try {
      await api.waitForOutput('Label Studio API listening');
      for (const path of ['/', '/projects/1/data', '/static/ui/ui.css', '/static/dm/js/main.js']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
        expect(response.status).toBe(404);
      }
      // the sign-in route of the API stays (POST); its page is gone
      expect((await fetch(`http://127.0.0.1:${port}/user/login`)).status).toBe(405);
      expect((await fetch(`http://127.0.0.1:${port}/api/version`)).status).toBe(200);
    } finally {
      api.child.kill('SIGTERM');
    }
    expect((await api.exited).code).toBe(0);
  });
});
