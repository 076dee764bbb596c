import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { eventually, STORAGE_TEST_MODULES, waitForSync } from './support/storage-api';
import {
  IMAGE_CONFIG,
  sentiment,
  startStorageApp,
  storageRequests,
  TEXT_CONFIG,
} from './support/storage-suite';
// Databases of the test Redis only this suite uses and flushes.
const IMPORT_DB = 11;
const EXPORT_DB = 12;
const RESULT = [sentiment('Positive')];

/** Local files and Redis storages over the API, on real files and a real Redis. */
describe('local files and Redis storages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let root: string;
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });

  const { http, newProject, tasksOf } = storageRequests(
    () => testApp,
    () => owner,
  );
  const annotate = async (project: number) => {
    const [task] = await tasksOf(project);
    return (
      await http()
        .post(`/api/tasks/${task.id}/annotations/`)
        .set(owner.headers)
        .send({ result: RESULT })
        .expect(201)
    ).body.id as number;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-files-'));
    await mkdir(join(root, 'data', 'sub'), { recursive: true });
    await mkdir(join(root, 'out'));
    await writeFile(join(root, 'data', 'a.json'), JSON.stringify({ text: 'from a file' }));
    await writeFile(join(root, 'data', 'b.jpg'), 'jpeg bytes');
    await writeFile(
      join(root, 'data', 'sub', 'c.json'),
      JSON.stringify([{ text: 'c1' }, { text: 'c2' }]),
    );
    ({ testApp, owner, stranger } = await startStorageApp({
      LOCAL_FILES_SERVING_ENABLED: 'true',
      LOCAL_FILES_DOCUMENT_ROOT: root,
    }));
    await redis.connect();
    for (const db of [IMPORT_DB, EXPORT_DB]) {
      await redis.select(db);
      await redis.flushdb();
    }
  });

  afterAll(async () => {
    for (const db of [IMPORT_DB, EXPORT_DB]) {
      await redis.select(db);
      await redis.flushdb();
    }
    redis.disconnect();
    await testApp?.close();
    await rm(root, { recursive: true, force: true });
  });

  describe('local files', () => {
    it("refuses paths outside the document root or missing, with Label Studio's messages", async () => {
      const project = await newProject(TEXT_CONFIG);
      const outside = await http()
        .post('/api/storages/localfiles/')
        .set(owner.headers)
        .send({ project, path: tmpdir() })
        .expect(400);
      expect(JSON.stringify(outside.body)).toContain('must start with LOCAL_FILES_DOCUMENT_ROOT');
      const missing = await http()
        .post('/api/storages/localfiles/validate')
        .set(owner.headers)
        .send({ project, path: join(root, 'nowhere') })
        .expect(400);
      expect(JSON.stringify(missing.body)).toContain('does not exist');
    });

    it('syncs JSON files as tasks, recursively when asked, matching the regex on file names', async () => {
      const project = await newProject(TEXT_CONFIG);
      const created = await http()
        .post('/api/storages/localfiles/')
        .set(owner.headers)
        .send({
          project,
          path: join(root, 'data'),
          regex_filter: '.*\\.json',
          recursive_scan: true,
        })
        .expect(201);
      const path = `/api/storages/localfiles/${created.body.id}`;
      await http().post(`${path}/sync`).set(owner.headers).expect(200);
      expect(await waitForSync(http, owner, path)).toMatchObject({
        status: 'completed',
        last_sync_count: 3,
      });
      expect((await tasksOf(project)).map((task) => task.data.text).sort()).toEqual([
        'c1',
        'c2',
        'from a file',
      ]);
    });

    it('serves the files of blob URL tasks to members only', async () => {
      const project = await newProject(IMAGE_CONFIG);
      const created = await http()
        .post('/api/storages/localfiles/')
        .set(owner.headers)
        .send({ project, path: join(root, 'data'), regex_filter: '.*\\.jpg', use_blob_urls: true })
        .expect(201);
      const path = `/api/storages/localfiles/${created.body.id}`;
      await http().post(`${path}/sync`).set(owner.headers).expect(200);
      expect((await waitForSync(http, owner, path)).last_sync_count).toBe(1);
      const [task] = await tasksOf(project);
      expect(task.data.image).toBe('/data/local-files/?d=data/b.jpg');
      const served = await http()
        .get(String(task.data.image))
        .set(owner.headers)
        .buffer(true)
        .expect(200);
      expect(served.body.toString()).toBe('jpeg bytes');
      await http().get(String(task.data.image)).set(stranger.headers).expect(404);
      await http().get('/data/local-files/?d=data/../../etc/passwd').set(owner.headers).expect(404);
    });

    it("answers 404 by id to a manager outside the storage's project, 403 to an annotator in it", async () => {
      const project = await newProject(TEXT_CONFIG);
      const created = await http()
        .post('/api/storages/localfiles/')
        .set(owner.headers)
        .send({ project, path: join(root, 'data'), title: 'before' })
        .expect(201);
      const path = `/api/storages/localfiles/${created.body.id}`;
      const join_ = { organizationId: owner.organizationId };
      const manager = await createAccount(testApp.app, { ...join_, role: 'MA' });
      const annotator = await createAccount(testApp.app, { ...join_, role: 'AN' });
      await http().get(path).set(manager.headers).expect(404);
      await http().patch(path).set(manager.headers).send({ title: 'outsider' }).expect(404);
      await http().post(`${path}/sync`).set(manager.headers).expect(404);
      for (const member of [manager, annotator]) {
        await http()
          .post(`/api/projects/${project}/members/`)
          .set(owner.headers)
          .send({ user: member.userId })
          .expect(201);
      }
      // an annotator sees a project once it is published
      await http().patch(path).set(annotator.headers).send({ title: 'annotator' }).expect(404);
      await http()
        .patch(`/api/projects/${project}/`)
        .set(owner.headers)
        .send({ is_published: true })
        .expect(200);
      await http().patch(path).set(annotator.headers).send({ title: 'annotator' }).expect(403);
      await http().patch(path).set(manager.headers).send({ title: 'member' }).expect(200);
      const stored = await http().get(path).set(owner.headers).expect(200);
      expect(stored.body.title).toBe('member');
    });

    it('writes annotations as files of an export storage', async () => {
      const project = await newProject(TEXT_CONFIG);
      await http()
        .post(`/api/projects/${project}/import`)
        .set(owner.headers)
        .send([{ text: 'to export' }])
        .expect(201);
      const annotationId = await annotate(project);
      const created = await http()
        .post('/api/storages/export/localfiles')
        .set(owner.headers)
        .send({ project, path: join(root, 'out'), can_delete_objects: true })
        .expect(201);
      const path = `/api/storages/export/localfiles/${created.body.id}`;
      expect((await waitForSync(http, owner, path)).last_sync_count).toBe(1);
      const file = join(root, 'out', String(annotationId));
      expect(await readdir(join(root, 'out'))).toEqual([String(annotationId)]);
      const written = JSON.parse(await readFile(file, 'utf8'));
      expect(written).toMatchObject({
        id: annotationId,
        result: RESULT,
        task: { data: { text: 'to export' } },
      });

      await http()
        .patch(`/api/annotations/${annotationId}/`)
        .set(owner.headers)
        .send({ result: [], was_cancelled: true })
        .expect(200);
      await eventually(async () =>
        expect(JSON.parse(await readFile(file, 'utf8')).was_cancelled).toBe(true),
      );
      await http().delete(`/api/annotations/${annotationId}/`).set(owner.headers).expect(204);
      await eventually(async () => expect(await readdir(join(root, 'out'))).toEqual([]));
    });
  });

  describe('Redis', () => {
    const redisFields = (project: number, db: number) => ({
      project,
      host: '127.0.0.1',
      port: '6379',
      db,
      password: 'not-used-by-this-redis',
    });

    it('refuses a server it cannot reach', async () => {
      const project = await newProject(TEXT_CONFIG);
      const refused = await http()
        .post('/api/storages/redis/validate')
        .set(owner.headers)
        .send({ ...redisFields(project, IMPORT_DB), port: '1', password: null })
        .expect(400);
      expect(JSON.stringify(refused.body)).toContain("Can't connect to Redis server");
    });

    it('syncs the JSON values under a key prefix as tasks; exports annotations with SET', async () => {
      await redis.select(IMPORT_DB);
      await redis.set('ls-test:1', JSON.stringify({ text: 'redis one' }));
      await redis.set(
        'ls-test:2',
        JSON.stringify([{ text: 'redis two' }, { text: 'redis three' }]),
      );
      await redis.set('other:1', JSON.stringify({ text: 'not under the prefix' }));
      const project = await newProject(TEXT_CONFIG);
      const created = await http()
        .post('/api/storages/redis/')
        .set(owner.headers)
        .send({ ...redisFields(project, IMPORT_DB), password: null, path: 'ls-test:' })
        .expect(201);
      expect(created.body).not.toHaveProperty('password');
      const path = `/api/storages/redis/${created.body.id}`;
      await http().post(`${path}/sync`).set(owner.headers).expect(200);
      expect(await waitForSync(http, owner, path)).toMatchObject({
        status: 'completed',
        last_sync_count: 3,
      });
      expect((await tasksOf(project)).map((task) => task.data.text).sort()).toEqual([
        'redis one',
        'redis three',
        'redis two',
      ]);

      const exportStorage = await http()
        .post('/api/storages/export/redis')
        .set(owner.headers)
        .send({ ...redisFields(project, EXPORT_DB), password: null, can_delete_objects: true })
        .expect(201);
      expect(exportStorage.body.db).toBe(EXPORT_DB);
      await waitForSync(http, owner, `/api/storages/export/redis/${exportStorage.body.id}`);
      const annotationId = await annotate(project);
      await redis.select(EXPORT_DB);
      await eventually(async () => expect(await redis.exists(String(annotationId))).toBe(1));
      const stored = JSON.parse((await redis.get(String(annotationId))) ?? 'null');
      expect(stored).toMatchObject({ id: annotationId, result: RESULT });

      await http()
        .patch(`/api/annotations/${annotationId}/`)
        .set(owner.headers)
        .send({ result: [], was_cancelled: true })
        .expect(200);
      await eventually(async () =>
        expect(JSON.parse((await redis.get(String(annotationId))) ?? '{}').was_cancelled).toBe(
          true,
        ),
      );
      await http().delete(`/api/annotations/${annotationId}/`).set(owner.headers).expect(204);
      await eventually(async () => expect(await redis.exists(String(annotationId))).toBe(0));
    });
  });
});

/** With serving off (the default), local files storages cannot be made or served. */
describe('local files storages with serving disabled (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: STORAGE_TEST_MODULES });
    owner = await createAccount(testApp.app);
  });

  afterAll(() => testApp?.close());

  it("refuses to create one, with Label Studio's message, and refuses to serve files", async () => {
    const project = await storageRequests(
      () => testApp,
      () => owner,
    ).newProject(TEXT_CONFIG, 'No local files');
    const refused = await testApp
      .http()
      .post('/api/storages/localfiles/')
      .set(owner.headers)
      .send({ project, path: tmpdir() })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('LOCAL_FILES_SERVING_ENABLED');
    await testApp.http().get('/data/local-files/?d=tmp/a.jpg').set(owner.headers).expect(403);
  });
});
