import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import type { TestApp } from '@ls/core/testing';
import type { StorageConnection } from '@ls/storages';
import { eventually, STORAGE_TEST_MODULES, StorageBody, waitForSync } from './storage-api';

/** A text project's label config: a sentiment of Positive or Negative. */
export const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
/** An image project's label config: blob URL tasks. */
export const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices></View>`;

/** One result of {@link TEXT_CONFIG}: the sentiment `value`. */
export const sentiment = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

export type Fields = Record<string, unknown>;

export interface SuiteTask {
  id: number;
  data: Record<string, unknown>;
  storage_filename: string;
}

export interface StorageApp {
  testApp: TestApp;
  dataSource: DataSource;
  owner: TestAccount;
  /** An annotator of the owner's organization, member of no project yet. */
  annotator: TestAccount;
  /** An account of another organization. */
  stranger: TestAccount;
}

/**
 * The app of a storage suite (stores on the loopback allowed, export storages synced as they are
 * made, then `env`), with its accounts.
 */
export async function startStorageApp(env: Record<string, string> = {}): Promise<StorageApp> {
  const testApp = await createAuthTestApp({
    imports: STORAGE_TEST_MODULES,
    env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', SYNC_ON_TARGET_STORAGE_CREATION: 'true', ...env },
  });
  const owner = await createAccount(testApp.app);
  const annotator = await createAccount(testApp.app, {
    organizationId: owner.organizationId,
    role: 'AN',
  });
  const stranger = await createAccount(testApp.app);
  return { testApp, dataSource: testApp.app.get(DataSource), owner, annotator, stranger };
}

export interface CreatedStorage {
  id: number;
  /** The storage's route: `/api/storages/<route>/<id>`. */
  path: string;
  body: StorageBody;
}

/** The owner's requests a storage suite makes, on the app and the owner its getters give. */
export function storageRequests(app: () => TestApp, owner: () => TestAccount) {
  const http = () => app().http();
  return {
    http,
    owner,
    async newProject(labelConfig: string, title = 'Storages'): Promise<number> {
      const created = await http()
        .post('/api/projects/')
        .set(owner().headers)
        .send({ title, label_config: labelConfig })
        .expect(201);
      return created.body.id;
    },
    async tasksOf(project: number, query: Record<string, unknown> = {}): Promise<SuiteTask[]> {
      const listed = await http()
        .get('/api/tasks/')
        .query({ project, fields: 'all', page_size: 100, ...query })
        .set(owner().headers)
        .expect(200);
      return listed.body.tasks;
    },
    /** The number `n` the query selects. */
    async countOf(sql: string): Promise<number> {
      return Number((await app().app.get(DataSource).query(sql))[0].n);
    },
    /** Creates a storage at `/api/storages/<route>` (`s3`, `export/s3`, ...). */
    async create(route: string, fields: Fields): Promise<CreatedStorage> {
      const created = await http()
        .post(`/api/storages/${route}`)
        .set(owner().headers)
        .send(fields)
        .expect(201);
      const path = `/api/storages/${route}/${created.body.id}`;
      return { id: Number(created.body.id), path, body: created.body };
    },
    /** Asks a storage to sync and waits for the sync to end: its state then. */
    async syncOf(path: string, timeoutMs = 60_000): Promise<StorageBody> {
      await http().post(`${path}/sync`).set(owner().headers).expect(200);
      return waitForSync(http, owner(), path, timeoutMs);
    },
  };
}

export type StorageRequests = ReturnType<typeof storageRequests>;

/** A storage type as its suite makes its storages. */
export interface StorageType {
  /** The route name: `s3`, `gcs`, ... */
  type: string;
  /** The create body of a storage, given `project`, `prefix` and the like. */
  fields: (extra: Fields) => Fields;
  /** What an export storage's body changes: its bucket, container or volume. */
  exportFields?: Fields;
}

/**
 * {@link storageRequests}, and the scenarios every storage type goes through on them, for the
 * storages of `storage`.
 */
export function storageKit(app: () => TestApp, owner: () => TestAccount, storage: StorageType) {
  const kit = storageRequests(app, owner);
  return {
    ...kit,
    expectTypeListed: (title: string) => expectTypeListed(kit, storage.type, title),
    expectProxiedWithRange: (resolveUrl: string) => expectProxiedWithRange(kit, resolveUrl),
    expectBulkResync: (options: BulkResyncOptions) => expectBulkResync(kit, storage, options),
    expectExportFlow: (options: ExportFlowOptions) => expectExportFlow(kit, storage, options),
    expectScopedRoutes: (options: ScopedRoutesOptions) => expectScopedRoutes(kit, storage, options),
  };
}

/** `name` is listed with `title` among the import and the export storage types. */
export async function expectTypeListed(kit: StorageRequests, name: string, title: string) {
  for (const path of ['/api/storages/types', '/api/storages/export/types']) {
    const types = (await kit.http().get(path).set(kit.owner().headers).expect(200)).body;
    expect(types).toContainEqual({ name, title });
  }
}

/** The 9 bytes `png bytes` at a blob URL task's `resolveUrl`, proxied whole and in a range. */
export async function expectProxiedWithRange(kit: StorageRequests, resolveUrl: string) {
  const { http, owner } = kit;
  const proxied = await http().get(resolveUrl).set(owner().headers).buffer(true).expect(200);
  expect(proxied.body.toString()).toBe('png bytes');
  const part = await http()
    .get(resolveUrl)
    .set(owner().headers)
    .set('Range', 'bytes=4-8')
    .buffer(true)
    .expect(206);
  expect(part.body.toString()).toBe('bytes');
  expect(part.headers['content-range']).toBe('bytes 4-8/9');
  return proxied;
}

/** The keys under `prefix` of a store, recursively. */
export async function keysOf(connection: StorageConnection, prefix = 'out'): Promise<string[]> {
  const found: string[] = [];
  for await (const page of connection.list({ prefix, recursive: true })) {
    found.push(...page.map((object) => object.key));
  }
  return found;
}

/** Writes each body of `objects` at its key. */
export async function writeObjects(connection: StorageConnection, objects: Record<string, string>) {
  for (const [key, body] of Object.entries(objects)) {
    await connection.write(key, body, 'application/octet-stream');
  }
}

/** The object at `key` of a store, as JSON. */
export async function readJson(connection: StorageConnection, key: string): Promise<unknown> {
  return JSON.parse((await buffer((await connection.read(key)).body)).toString());
}

export interface BulkResyncOptions {
  /** What the storage's create body adds (a principal of its own). */
  extraFields?: Fields;
  /** Writes an object to the import store. */
  put: (key: string, body: string) => unknown;
  /** Checks of the store's own, at each step. */
  created?: () => void;
  synced?: () => void;
  beforeResync?: () => void;
  resynced?: () => void;
}

/**
 * 1,000 objects under `bulk/` synced as 1,000 tasks, then the 10 added since as 10 more on a
 * re-sync, each key linked once, and nothing new on a third sync.
 */
export async function expectBulkResync(
  kit: StorageRequests,
  { type, fields }: StorageType,
  options: BulkResyncOptions,
) {
  const putAll = async (from: number, to: number) => {
    const writes: unknown[] = [];
    for (let n = from; n < to; n++) {
      writes.push(options.put(`bulk/${n}.json`, JSON.stringify({ text: `bulk ${n}` })));
      if (writes.length === 50) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
  };
  await putAll(0, 1000);
  const project = await kit.newProject(TEXT_CONFIG, 'Bulk');
  const storage = await kit.create(
    type,
    fields({ ...options.extraFields, project, prefix: 'bulk' }),
  );
  options.created?.();
  const tasksIn = `SELECT COUNT(*) AS n FROM task WHERE project_id = ${project}`;
  const filesIn = `SELECT COUNT(DISTINCT storage_filename) AS n FROM task WHERE project_id = ${project}`;
  const links = `FROM io_storage_import_link WHERE storage_id = ${storage.id}`;
  expect(await kit.syncOf(storage.path)).toMatchObject({
    status: 'completed',
    last_sync_count: 1000,
  });
  expect(await kit.countOf(tasksIn)).toBe(1000);
  options.synced?.();

  await putAll(1000, 1010);
  options.beforeResync?.();
  const again = await kit.syncOf(storage.path);
  expect(again).toMatchObject({ status: 'completed', last_sync_count: 10 });
  expect(again.meta.tasks_existed).toBe(1000);
  expect(await kit.countOf(tasksIn)).toBe(1010);
  expect(await kit.countOf(filesIn)).toBe(1010);
  expect(await kit.countOf(`SELECT COUNT(*) AS n ${links}`)).toBe(1010);
  expect(await kit.countOf(`SELECT COUNT(DISTINCT key) AS n ${links}`)).toBe(1010);
  options.resynced?.();
  // Unchanged store: nothing new.
  expect((await kit.syncOf(storage.path)).last_sync_count).toBe(0);
  return storage;
}

export interface ExportFlowOptions {
  /** The object at `key` of the export store as JSON; may throw while there is none. */
  readObject: (key: string) => Promise<unknown>;
  /** The keys under `out/` in the export store. */
  listKeys: () => Promise<string[]>;
  /**
   * A project with a task of text `one` and `annotated` annotations in all; by default a new
   * project with one task and none.
   */
  project?: { id: number; annotated: number };
  /** What the create answer shows besides the type and `can_delete_objects`. */
  shown?: Fields;
  /** What it never shows (secrets). */
  hidden?: string[];
}

/**
 * An export storage (prefix `out`, deletes allowed) writes the annotations there are as it is
 * made, then `out/<id>` for an annotation created, again when it is updated, and removes it when
 * it is deleted.
 */
export async function expectExportFlow(
  kit: StorageRequests,
  { type, fields, exportFields }: StorageType,
  options: ExportFlowOptions,
) {
  const { http, owner, countOf } = kit;
  let project = options.project?.id;
  const annotated = options.project?.annotated ?? 0;
  const text = project === undefined ? 'to export' : 'one';
  if (project === undefined) {
    project = await kit.newProject(TEXT_CONFIG, 'Export');
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner().headers)
      .send([{ text }])
      .expect(201);
  }
  const task = (await kit.tasksOf(project)).find((one) => one.data.text === text) as SuiteTask;
  const storage = await kit.create(
    `export/${type}`,
    fields({ ...exportFields, project, prefix: 'out', can_delete_objects: true }),
  );
  expect(storage.body).toMatchObject({
    type,
    can_delete_objects: true,
    ...options.shown,
  });
  for (const field of options.hidden ?? []) expect(storage.body).not.toHaveProperty(field);
  // What was annotated already is written as the storage is made.
  expect((await waitForSync(http, owner(), storage.path)).last_sync_count).toBe(annotated);
  expect(await options.listKeys()).toHaveLength(annotated);

  const annotation = (
    await http()
      .post(`/api/tasks/${task.id}/annotations/`)
      .set(owner().headers)
      .send({ result: [sentiment('Negative')] })
      .expect(201)
  ).body;
  const key = `out/${annotation.id}`;
  await eventually(async () =>
    expect(await options.readObject(key)).toMatchObject({
      id: annotation.id,
      result: [sentiment('Negative')],
      task: { id: task.id, data: { text } },
      completed_by: { id: owner().userId, email: owner().email },
    }),
  );
  expect(await options.listKeys()).toContain(key);
  expect(
    await countOf(
      `SELECT COUNT(*) AS n FROM io_storage_export_link WHERE storage_id = ${storage.id}`,
    ),
  ).toBe(annotated + 1);

  await http()
    .patch(`/api/annotations/${annotation.id}/`)
    .set(owner().headers)
    .send({ result: [sentiment('Positive')] })
    .expect(200);
  await eventually(async () =>
    expect(((await options.readObject(key)) as { result: unknown }).result).toEqual([
      sentiment('Positive'),
    ]),
  );

  await http().delete(`/api/annotations/${annotation.id}/`).set(owner().headers).expect(204);
  await eventually(async () => expect(await options.listKeys()).not.toContain(key));
  expect(await options.listKeys()).toHaveLength(annotated);
}

export interface ScopedRoutesOptions {
  /** An account of another organization. */
  stranger: TestAccount;
  /** An annotator of the owner's organization, made a member of the project here. */
  annotator: TestAccount;
  /** Another type's route name, which does not find the storage. */
  otherType: string;
}

/**
 * A storage of a new project: 404 to another organization on every route by id, on the
 * project's list and on create; 403 to an annotator of the published project on create (import
 * and export), sync, update and delete; the owner finds it unchanged, and only it.
 */
export async function expectScopedRoutes(
  kit: StorageRequests,
  { type, fields, exportFields }: StorageType,
  options: ScopedRoutesOptions,
) {
  const { http, owner } = kit;
  const { stranger, annotator } = options;
  const project = await kit.newProject(TEXT_CONFIG, 'Scoped');
  const { id, path } = await kit.create(type, fields({ project, prefix: 'tasks' }));
  const route = `/api/storages/${type}`;

  await http().get(path).set(stranger.headers).expect(404);
  await http().patch(path).set(stranger.headers).send({ title: 'mine' }).expect(404);
  await http().post(`${path}/sync`).set(stranger.headers).expect(404);
  await http().delete(path).set(stranger.headers).expect(404);
  await http().get(route).query({ project }).set(stranger.headers).expect(404);
  await http().post(`${route}/validate`).set(stranger.headers).send({ id }).expect(404);
  await http().post(route).set(stranger.headers).send(fields({ project })).expect(404);

  // A member of the published project, who sees it but may not manage its storages.
  await http()
    .post(`/api/projects/${project}/members/`)
    .set(owner().headers)
    .send({ user: annotator.userId })
    .expect(201);
  await http()
    .patch(`/api/projects/${project}/`)
    .set(owner().headers)
    .send({ is_published: true })
    .expect(200);
  await http().post(route).set(annotator.headers).send(fields({ project })).expect(403);
  await http()
    .post(`/api/storages/export/${type}`)
    .set(annotator.headers)
    .send(fields({ ...exportFields, project }))
    .expect(403);
  await http().post(`${path}/sync`).set(annotator.headers).expect(403);
  await http().patch(path).set(annotator.headers).send({ title: 'mine' }).expect(403);
  await http().delete(path).set(annotator.headers).expect(403);

  // Another type's route does not find it either; the owner still does, unchanged.
  await http().get(`/api/storages/${options.otherType}/${id}`).set(owner().headers).expect(404);
  const still = (await http().get(path).set(owner().headers).expect(200)).body;
  expect(still.status).toBe('initialized');
  expect(still.title).not.toBe('mine');
  expect(
    await kit.countOf(`SELECT COUNT(*) AS n FROM io_storage WHERE project_id = ${project}`),
  ).toBe(1);
}
