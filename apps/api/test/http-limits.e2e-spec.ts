import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { JobQueue, MULTIPART_FIELD_LIMIT } from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';
import { portOf, sendDeclaredBody } from './support/raw-request';

const CONFIG = '<View><Text name="text" value="$text"/></View>';
const MiB = 1024 * 1024;

const serverApp = (env: Record<string, string> = {}) =>
  createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES], env });

/** Issue 11, items 5 and 10 and the HTTP part of item 6. */
describe('HTTP limits: authentication before bodies, body sizes, methods, proxies, probes (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let port: number;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await serverApp();
    owner = await createAccount(testApp.app);
    port = await portOf(testApp.app.getHttpServer());
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const count = async (table: string) =>
    Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  describe('bodies are read only after authentication (item 5)', () => {
    it('refuses an anonymous 150 MB body at once, without reading it', async () => {
      const answer = await sendDeclaredBody(port, {
        method: 'POST',
        path: '/api/projects',
        declaredBytes: 150 * 1000 * 1000,
      });
      expect(answer.status).toBe(401);
      expect(answer.body.detail).toBe('Authentication credentials were not provided.');
      expect(answer.elapsedMs).toBeLessThan(2000);
    });

    it('refuses a declared body over the route limit with 413 before reading it', async () => {
      const answer = await sendDeclaredBody(port, {
        method: 'POST',
        path: '/api/projects',
        declaredBytes: testApp.config.HTTP_BODY_LIMIT + 1,
        headers: owner.headers,
      });
      expect(answer.status).toBe(413);
      expect(answer.elapsedMs).toBeLessThan(2000);
      expect(await count('project')).toBe(0);
    });

    it('gives import routes the import limit and other routes the default one', async () => {
      const project = await http()
        .post('/api/projects')
        .set(owner.headers)
        .send({ title: 'Limits', label_config: CONFIG })
        .expect(201);
      const overDefault = testApp.config.HTTP_BODY_LIMIT + 1;
      const tasks = await sendDeclaredBody(port, {
        method: 'POST',
        path: '/api/tasks',
        declaredBytes: overDefault,
        headers: owner.headers,
      });
      expect(tasks.status).toBe(413);
      const underImportLimit = await sendDeclaredBody(port, {
        method: 'POST',
        path: `/api/projects/${project.body.id}/import`,
        declaredBytes: overDefault,
        headers: owner.headers,
        timeoutMs: 700,
      }).catch((error: Error) => error);
      // Accepted for reading: the server waits for the rest of the body.
      expect(underImportLimit).toBeInstanceOf(Error);
      const overImportLimit = await sendDeclaredBody(port, {
        method: 'POST',
        path: `/api/projects/${project.body.id}/import`,
        declaredBytes: testApp.config.IMPORT_MAX_FILE_SIZE + 2 * MiB,
        headers: owner.headers,
      });
      expect(overImportLimit.status).toBe(413);
      expect(await count('task')).toBe(0);
    });

    it('caps what an anonymous caller may send a public route', async () => {
      const answer = await http()
        .post('/api/token/refresh/')
        .send({ refresh: 'x'.repeat(70 * 1024) });
      expect(answer.status).toBe(413);
    });

    it('keeps multipart text fields small, and writes nothing when one is too large', async () => {
      const project = await http()
        .post('/api/projects')
        .set(owner.headers)
        .send({ title: 'multipart', label_config: CONFIG })
        .expect(201);
      const tasks = Array.from({ length: 30_000 }, (_, i) => ({
        text: `task ${i} ${'y'.repeat(30)}`,
      }));
      const field = JSON.stringify(tasks);
      expect(field.length).toBeGreaterThan(MULTIPART_FIELD_LIMIT);
      const answer = await http()
        .post(`/api/projects/${project.body.id}/import`)
        .set(owner.headers)
        .field('url', field);
      expect(answer.status).toBe(413);
      expect(await count('task')).toBe(0);
    });
  });

  describe('methods a route does not serve (item 10)', () => {
    it('answers 405 with Allow, as Label Studio does', async () => {
      const counts = await http().put('/api/projects/counts/').set(owner.headers).send({});
      expect(counts.status).toBe(405);
      expect(counts.body).toMatchObject({
        status_code: 405,
        detail: 'Method "PUT" not allowed.',
      });
      expect(counts.headers.allow).toBe('GET, HEAD');
      const project = await http().put('/api/projects/1').set(owner.headers).send({});
      expect(project.status).toBe(405);
      expect(project.headers.allow.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH']);
      await http().put('/api/no-such-route').expect(404);
    });
  });

  describe('forwarded headers (item 6)', () => {
    it('ignores X-Forwarded-* from callers that are not trusted proxies', async () => {
      const invite = await http()
        .get('/api/invite')
        .set(owner.headers)
        .set('x-forwarded-host', 'evil.example')
        .set('x-forwarded-proto', 'https')
        .expect(200);
      expect(new URL(invite.body.invite_url).host).not.toBe('evil.example');
      expect(new URL(invite.body.invite_url).protocol).toBe('http:');
    });

    it('believes a trusted proxy', async () => {
      const proxied = await serverApp({ TRUSTED_PROXIES: '127.0.0.1, ::1, ::ffff:127.0.0.1' });
      try {
        const account = await createAccount(proxied.app);
        const invite = await proxied
          .http()
          .get('/api/invite')
          .set(account.headers)
          .set('x-forwarded-host', 'labels.example.com')
          .set('x-forwarded-proto', 'https')
          .expect(200);
        expect(new URL(invite.body.invite_url).origin).toBe('https://labels.example.com');
      } finally {
        await proxied.close();
      }
    });
  });

  describe('health probes (item 6)', () => {
    it('keeps the job probe for operators with HEALTH_CHECK_TOKEN', async () => {
      const queue = testApp.app.get(JobQueue);
      const enqueue = jest.spyOn(queue, 'enqueue');
      const off = await http().get('/health/jobs').expect(403);
      expect(off.body.detail).toMatch(/HEALTH_CHECK_TOKEN/);
      expect(enqueue).not.toHaveBeenCalled();
      enqueue.mockRestore();

      const token = 'operator-token-0123456789';
      const probed = await serverApp({ HEALTH_CHECK_TOKEN: token });
      try {
        await probed.http().get('/health/jobs').expect(401);
        await probed.http().get('/health/jobs').set('Authorization', 'Bearer wrong').expect(401);
        const ok = await probed
          .http()
          .get('/health/jobs')
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
        expect(ok.body).toMatchObject({ status: 'ok', job_status: 'completed' });
      } finally {
        await probed.close();
      }
    });

    it('tells anonymous callers what is down, never why', async () => {
      const broken = await serverApp();
      try {
        await broken.app.get(DataSource).destroy();
        const answer = await broken.http().get('/health').expect(503);
        expect(answer.body).toMatchObject({ status: 'error', database: { status: 'error' } });
        expect(JSON.stringify(answer.body)).not.toMatch(/error"\s*:\s*"|destroy|connection/i);
      } finally {
        await broken.close().catch(() => undefined);
      }
    });
  });
});
