import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { NewTask, Task, TaskBulkInsert, TasksHttpModule, TasksService } from '@ls/tasks';

/** Characters COPY's text format and SQL quoting treat specially, and some that need UTF-8. */
const TRICKY = `it's "quoted" \\ back\\slash\ttab\nnew line\r\n é 日本 🚀 \\N \\. ,;`;

describe('TaskBulkInsert (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;
  let taskRows: Repository<Task>;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    taskRows = testApp.app.get<Repository<Task>>(getRepositoryToken(Task));
  });

  afterAll(() => testApp.close());

  const createProject = async (body: Record<string, unknown> = {}) => {
    const created = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Bulk', ...body })
      .expect(201);
    return testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: created.body.id });
  };

  const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>) =>
    testApp.app.get(TransactionRunner).run(({ manager }) => work(manager));

  const tasksOf = (projectId: number) =>
    taskRows.find({ where: { project_id: projectId }, order: { inner_id: 'ASC' } });

  const batch = (label: string, size: number): NewTask[] =>
    Array.from({ length: size }, (_, i) => ({ data: { text: `${label} ${i}` } }));

  it('numbers batches on after the existing tasks and stores every value as given', async () => {
    const project = await createProject({ maximum_annotations: 3 });
    await inTransaction((manager) =>
      testApp.app.get(TasksService).addTasks(manager, project, batch('existing', 2)),
    );
    const given: NewTask[][] = [
      [
        {
          data: { text: TRICKY, nested: { list: [1, 2.5, null, true, { deep: TRICKY }] } },
          meta: { source: 'import', note: TRICKY },
          overlap: 2,
          allow_skip: false,
          file_upload_id: 41,
          storage_filename: `folder\\${TRICKY}.json`,
        },
        { data: { text: 'defaults' } },
      ],
      batch('second', 3),
      [{ data: { text: 'last', number: 1e21, small: -0.000123 }, meta: null, allow_skip: null }],
    ];
    const before = Date.now();
    const ids = await inTransaction(async (manager) => {
      const insert = await TaskBulkInsert.start(manager, project);
      const added: number[][] = [];
      for (const items of given) added.push(await insert.add(items));
      expect(await insert.add([])).toEqual([]);
      return added;
    });

    expect(ids.map((batchIds) => batchIds.length)).toEqual([2, 3, 1]);
    const flat = ids.flat();
    expect([...flat].sort((a, b) => a - b)).toEqual(flat);
    const stored = (await tasksOf(project.id)).slice(2);
    expect(stored.map((task) => task.id)).toEqual(flat);
    expect(stored.map((task) => task.inner_id)).toEqual([3, 4, 5, 6, 7, 8]);
    const items = given.flat();
    stored.forEach((task, i) => {
      expect(task).toMatchObject({
        project_id: project.id,
        data: items[i].data,
        meta: items[i].meta ?? {},
        overlap: items[i].overlap ?? 3,
        allow_skip: items[i].allow_skip ?? true,
        file_upload_id: items[i].file_upload_id ?? null,
        storage_filename: items[i].storage_filename ?? null,
        is_labeled: false,
        updated_by_id: null,
        total_annotations: 0,
        cancelled_annotations: 0,
        total_predictions: 0,
        comment_count: 0,
        unresolved_comment_count: 0,
        last_comment_updated_at: null,
      });
      expect(task.created_at).toBeInstanceOf(Date);
      // SQLite's datetime('now') default keeps whole seconds.
      expect(task.created_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(task.created_at.getTime()).toBeLessThanOrEqual(Date.now());
      expect(task.updated_at).toEqual(task.created_at);
    });
  });

  it('stores columns in the same form as TypeORM save', async () => {
    const project = await createProject();
    const item = {
      data: { text: TRICKY, nested: { n: 1.5 } },
      meta: { m: TRICKY },
      overlap: 1,
      allow_skip: true,
      file_upload_id: null,
      storage_filename: TRICKY,
    };
    const [bulkId] = await inTransaction(async (manager) =>
      (await TaskBulkInsert.start(manager, project)).add([item]),
    );
    const saved = await taskRows.save(
      taskRows.create({ ...item, project_id: project.id, inner_id: 100 }),
    );
    const raw = async (id: number) =>
      (await dataSource.query(`SELECT * FROM task WHERE id = ${id}`))[0] as Record<string, unknown>;
    const [bulk, typeorm] = [await raw(bulkId), await raw(saved.id)];
    // The same values, and timestamps in the same format (digits aside).
    const shape = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !['id', 'inner_id'].includes(column))
          .map(([column, value]) => [
            column,
            value instanceof Date || column.endsWith('_at')
              ? [typeof value, String(value).replace(/\d/g, '0')]
              : value,
          ]),
      );
    expect(shape(bulk)).toEqual(shape(typeorm));
    const entity = async (id: number) => {
      const task: Partial<Task> = await taskRows.findOneByOrFail({ id });
      for (const column of ['id', 'inner_id', 'created_at', 'updated_at'] as const) {
        delete task[column];
      }
      return task;
    };
    expect(await entity(bulkId)).toEqual(await entity(saved.id));
  });

  it('leaves nothing behind when the transaction rolls back, and numbers from the same place', async () => {
    const project = await createProject();
    await inTransaction(async (manager) =>
      (await TaskBulkInsert.start(manager, project)).add(batch('kept', 2)),
    );
    await expect(
      inTransaction(async (manager) => {
        const insert = await TaskBulkInsert.start(manager, project);
        await insert.add(batch('lost', 5));
        await insert.add(batch('lost again', 5));
        throw new Error('import failed');
      }),
    ).rejects.toThrow('import failed');
    expect((await tasksOf(project.id)).map((task) => task.data.text)).toEqual(['kept 0', 'kept 1']);

    const ids = await inTransaction(async (manager) =>
      (await TaskBulkInsert.start(manager, project)).add(batch('next', 2)),
    );
    const stored = await tasksOf(project.id);
    expect(stored.map((task) => task.inner_id)).toEqual([1, 2, 3, 4]);
    expect(stored.slice(2).map((task) => task.id)).toEqual(ids);
  });

  it('fails a batch whole when a task cannot be written, and the connection stays usable', async () => {
    const project = await createProject();
    const unwritable = { data: { text: 'bad', big: BigInt(1) } } as unknown as NewTask;
    await expect(
      inTransaction(async (manager) => {
        const insert = await TaskBulkInsert.start(manager, project);
        await insert.add(batch('first', 3));
        // Enough rows that part of the batch is already on its way when the bad one comes.
        await insert.add([...batch('second', 600), unwritable, ...batch('third', 10)]);
      }),
    ).rejects.toThrow(/BigInt/);
    expect(await tasksOf(project.id)).toEqual([]);
    for (let i = 0; i < 3; i++) {
      await inTransaction(async (manager) =>
        (await TaskBulkInsert.start(manager, project)).add(batch(`after ${i}`, 2)),
      );
    }
    expect((await tasksOf(project.id)).map((task) => task.inner_id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives concurrent imports into one project ranges of their own', async () => {
    const project = await createProject();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const importBatches = (label: string) =>
      inTransaction(async (manager) => {
        const insert = await TaskBulkInsert.start(manager, project);
        const ids: number[] = [];
        for (let i = 0; i < 3; i++) {
          ids.push(...(await insert.add(batch(`${label} ${i}`, 50))));
          await pause();
        }
        return ids;
      });
    const imports = await Promise.all([importBatches('a'), importBatches('b'), importBatches('c')]);

    const stored = await tasksOf(project.id);
    expect(stored.map((task) => task.inner_id)).toEqual(
      Array.from({ length: 450 }, (_, i) => i + 1),
    );
    const innerIdOf = new Map(stored.map((task) => [task.id, task.inner_id]));
    const ranges = imports.map((ids) => ids.map((id) => innerIdOf.get(id) as number));
    for (const range of ranges) {
      expect(range).toEqual(Array.from({ length: 150 }, (_, i) => range[0] + i));
    }
    expect(ranges.map((range) => range[0]).sort((a, b) => a - b)).toEqual([1, 151, 301]);
  });

  it('needs a transaction and an existing project', async () => {
    const project = await createProject();
    await expect(TaskBulkInsert.start(dataSource.manager, project)).rejects.toThrow(
      /inside a transaction/,
    );
    await expect(
      inTransaction((manager) => TaskBulkInsert.start(manager, { id: project.id + 1000 })),
    ).rejects.toThrow('Not found.');
  });
});
