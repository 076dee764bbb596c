import { EventEmitter2 } from '@nestjs/event-emitter';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuthContext, User } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { BoundSql, dialectOfDataSource, Transaction, TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { Project, ProjectScope, ProjectsHttpModule } from '@ls/projects';
import {
  ImportedTasks,
  Task,
  TaskCounters,
  TaskCountsSource,
  TasksCreated,
  TasksDeleted,
  TasksHttpModule,
  TasksService,
} from '@ls/tasks';

/**
 * Counts over a table of the test's own (`test_mark`), standing in for the annotations library:
 * the tasks library writes its counters from whatever SQL the library above registers.
 */
const MARKS: TaskCountsSource = {
  totalAnnotationsSql:
    '(SELECT COUNT(*) FROM test_mark m WHERE m.task_id = task.id AND m.cancelled = FALSE)',
  cancelledAnnotationsSql:
    '(SELECT COUNT(*) FROM test_mark m WHERE m.task_id = task.id AND m.cancelled = TRUE)',
  totalPredictionsSql: '0',
  completedAnnotationsSql: () =>
    '(SELECT COUNT(*) FROM test_mark m WHERE m.task_id = task.id AND m.cancelled = FALSE)',
  perTaskSql: (sql, project) =>
    `SELECT m.task_id, COUNT(*) AS total,
       SUM(CASE WHEN m.cancelled = FALSE THEN 1 ELSE 0 END) AS completed,
       SUM(CASE WHEN m.cancelled = FALSE THEN 1 ELSE 0 END) AS finished
     FROM test_mark m JOIN task marked ON marked.id = m.task_id
     WHERE marked.project_id = ${sql.bind(project.id)} GROUP BY m.task_id`,
};

describe('what other libraries write tasks through (integration)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let auth: AuthContext;
  let dataSource: DataSource;
  let taskRows: Repository<Task>;
  let counters: TaskCounters;
  const events: string[] = [];

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsHttpModule, TasksHttpModule] });
    owner = await createAccount(testApp.app);
    auth = {
      user: { id: owner.userId } as User,
      organizationId: owner.organizationId,
      role: 'OW',
      method: 'token',
    };
    dataSource = testApp.app.get(DataSource);
    taskRows = testApp.app.get<Repository<Task>>(getRepositoryToken(Task));
    counters = testApp.app.get(TaskCounters);
    await dataSource.query(
      'CREATE TABLE test_mark (task_id integer NOT NULL, cancelled boolean NOT NULL)',
    );
    testApp.app.get(EventEmitter2).onAny((name) => events.push(String(name)));
  });

  afterAll(() => testApp.close());

  const inTransaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    testApp.app.get(TransactionRunner).run(work);

  const newProject = async (settings: Record<string, unknown> = {}) => {
    const { body } = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Counted', ...settings })
      .expect(201);
    return testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: body.id });
  };

  const addTasks = (project: Project, count: number, fileUploadId: number | null = null) =>
    inTransaction(async ({ manager }) =>
      (
        await testApp.app.get(TasksService).addTasks(
          manager,
          project,
          Array.from({ length: count }, (_, i) => ({
            data: { text: `t${i}` },
            file_upload_id: fileUploadId,
          })),
        )
      ).map((task) => task.id),
    );

  const mark = async (taskId: number, cancelled = false) => {
    const sql = new BoundSql(dialectOfDataSource(dataSource));
    await dataSource.query(
      `INSERT INTO test_mark (task_id, cancelled) VALUES (${sql.bind(taskId)}, ${sql.bind(cancelled)})`,
      sql.values,
    );
  };

  const stored = (id: number) => taskRows.findOneByOrFail({ id });

  const patchProject = (id: number, body: Record<string, unknown>) =>
    testApp.http().patch(`/api/projects/${id}/`).set(owner.headers).send(body).expect(200);

  it('with nothing registered counts nothing, and tasks still follow their project', async () => {
    const project = await newProject();
    const [id] = await addTasks(project, 1);
    await patchProject(project.id, { maximum_annotations: 3 });
    expect(await stored(id)).toMatchObject({
      overlap: 3,
      is_labeled: false,
      total_annotations: 0,
    });
  });

  it('recount writes the counters from the registered SQL and marks the tasks updated', async () => {
    counters.register(MARKS);
    const project = await newProject({ maximum_annotations: 2 });
    const [counted, untouched] = await addTasks(project, 2);
    await mark(counted);
    await mark(counted);
    await mark(counted, true);
    await inTransaction(({ manager }) =>
      counters.recount(manager, [counted, untouched, counted], project, owner.userId),
    );
    expect(await stored(counted)).toMatchObject({
      total_annotations: 2,
      cancelled_annotations: 1,
      total_predictions: 0,
      is_labeled: true,
      updated_by_id: owner.userId,
    });
    expect(await stored(untouched)).toMatchObject({ total_annotations: 0, is_labeled: false });
  });

  it('countAdded moves one counter and labels only tasks that reach their overlap', async () => {
    const project = await newProject({ maximum_annotations: 2 });
    const [id] = await addTasks(project, 1);
    const added = async (cancelled: boolean) => {
      await mark(id, cancelled);
      await inTransaction(({ manager }) =>
        counters.countAdded(manager, [id], project, cancelled, owner.userId),
      );
      return stored(id);
    };
    expect(await added(false)).toMatchObject({ total_annotations: 1, is_labeled: false });
    expect(await added(true)).toMatchObject({ cancelled_annotations: 1, is_labeled: false });
    expect(await added(false)).toMatchObject({ total_annotations: 2, is_labeled: true });
  });

  it('draws the overlap cohort over the registered counts', async () => {
    const project = await newProject({ maximum_annotations: 2 });
    const ids = await addTasks(project, 4);
    await mark(ids[3]);
    await mark(ids[3]);
    await patchProject(project.id, { overlap_cohort_percentage: 25 });
    const tasks = await taskRows.find({ where: { project_id: project.id }, order: { id: 'ASC' } });
    // int(4 × 25 / 100 + 0.5) = 1 task: the one already finished by two annotations.
    expect(tasks.map((task) => task.overlap)).toEqual([1, 1, 1, 2]);
    expect(tasks.map((task) => task.is_labeled)).toEqual([false, false, false, true]);
  });

  it('ImportedTasks publishes tasks events after commit, and nothing on rollback', async () => {
    const project = await newProject();
    const imported = testApp.app.get(ImportedTasks);
    await addTasks(project, 2, 77);
    const [kept] = await addTasks(project, 1);
    events.length = 0;

    await expect(
      inTransaction(async (tx) => {
        await imported.deleteMadeFrom(tx, project, [77]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(events).toEqual([]);
    expect(await taskRows.countBy({ project_id: project.id })).toBe(3);

    const deleted = await inTransaction((tx) => imported.deleteMadeFrom(tx, project, [77, 78]));
    expect(deleted).toBe(2);
    await inTransaction((tx) => imported.added(tx, project, [kept]));
    expect(events).toEqual([TasksDeleted.eventName, TasksCreated.eventName]);
    expect(await taskRows.findBy({ project_id: project.id })).toEqual([
      expect.objectContaining({ id: kept }),
    ]);
  });

  it('ImportedTasks.detachUploads unlinks tasks from deleted uploads without touching them', async () => {
    const project = await newProject();
    const [linked] = await addTasks(project, 1, 91);
    const before = await stored(linked);
    await inTransaction(({ manager }) =>
      testApp.app.get(ImportedTasks).detachUploads(manager, [91, 92]),
    );
    const after = await stored(linked);
    expect(after.file_upload_id).toBeNull();
    expect(after.updated_at).toEqual(before.updated_at);
  });

  it('ProjectScope keeps rows of other organizations out, by id too', async () => {
    const project = await newProject();
    const [id] = await addTasks(project, 1);
    const stranger = await createAccount(testApp.app);
    const scope = new ProjectScope(taskRows);
    const outsider = { organizationId: stranger.organizationId };
    expect(await scope.exists(auth, id)).toBe(true);
    expect(await scope.exists(outsider, id)).toBe(false);
    const seen = await scope.query(outsider, 'task').getMany();
    expect(seen).toEqual([]);
    const mine = await scope.query(auth, 'task').andWhere('task.id = :id', { id }).getMany();
    expect(mine.map((task) => task.id)).toEqual([id]);
  });
});
