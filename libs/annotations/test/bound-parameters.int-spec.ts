import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { dialectOfDataSource } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf } from './fixtures';

/** Every SQL text sent to the database while `work` runs (both drivers' entry points). */
async function sqlSentDuring(work: () => Promise<void>): Promise<string[]> {
  const texts: string[] = [];
  const originalPrepare = BetterSqlite3.prototype.prepare;
  const originalQuery = Client.prototype.query;
  BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
    texts.push(source);
    return originalPrepare.call(this, source);
  } as typeof originalPrepare;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const [first] = args;
    if (typeof first === 'string') texts.push(first);
    else if (first && typeof (first as { text?: unknown }).text === 'string') {
      texts.push((first as { text: string }).text);
    }
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  try {
    await work();
  } finally {
    BetterSqlite3.prototype.prepare = originalPrepare;
    Client.prototype.query = originalQuery;
  }
  return texts;
}

/**
 * Annotation writes send values as bind parameters: what a client sends never becomes SQL text,
 * and is stored exactly as sent.
 */
describe('annotation writes bind their values (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof apiOf>;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    api = apiOf(testApp, owner);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const marked = (marker: string) => ({
    from_name: 'ner',
    to_name: 'text',
    type: 'labels',
    value: { start: 0, end: 4, text: `O'Brien \\ ${marker}`, labels: ['PER'] },
  });

  it('one annotation and bulk annotations: no value in the SQL text, stored as sent', async () => {
    const project = await api.project();
    const tasks = [await api.task(project), await api.task(project), await api.task(project)];
    let single: { id: number } = { id: 0 };
    let bulk: { id: number }[] = [];
    const sent = await sqlSentDuring(async () => {
      single = await api.annotate(tasks[0], {
        result: [marked('single-marker-7f3a')],
        unique_id: "single-unique-7f3a'--",
        lead_time: 1.25,
      });
      bulk = (
        await testApp
          .http()
          .post('/api/annotations/bulk/')
          .set(owner.headers)
          .send({
            tasks: tasks.slice(1),
            result: [marked('bulk-marker-7f3a')],
            unique_id: "bulk-unique-7f3a'--",
            ground_truth: true,
            lead_time: 2.5,
          })
          .expect(201)
      ).body;
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((sql) => sql.includes('7f3a'))).toEqual([]);

    const rows = await dataSource.query(
      `SELECT id, result, unique_id, lead_time, ground_truth FROM annotation
       WHERE project_id = ${Number(project)} ORDER BY id`,
    );
    const results = rows.map((row: Record<string, unknown>) =>
      typeof row.result === 'string' ? JSON.parse(row.result) : row.result,
    );
    expect(rows.map((row: { id: unknown }) => Number(row.id))).toEqual([
      single.id,
      ...bulk.map((b) => b.id),
    ]);
    expect(results[0]).toEqual([marked('single-marker-7f3a')]);
    expect(results[1]).toEqual([marked('bulk-marker-7f3a')]);
    expect(rows.map((row: { unique_id: unknown }) => row.unique_id)).toEqual([
      "single-unique-7f3a'--",
      "bulk-unique-7f3a'--",
      null,
    ]);
    expect(rows.map((row: { lead_time: unknown }) => Number(row.lead_time))).toEqual([
      1.25, 2.5, 2.5,
    ]);
  });

  it('a NUL character in unique_id is a 400, not a database error', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const refused = await testApp
      .http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: [], unique_id: 'nul\u0000inside' })
      .expect(400);
    expect(refused.body.validation_errors.unique_id).toBeDefined();
  });

  it('a NUL character in a result is stored where the database can (SQLite), else a 400', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const response = await testApp
      .http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: [marked('nul\u0000inside')] });
    if (dialectOfDataSource(dataSource) === 'postgres') {
      expect(response.status).toBe(400);
      expect(response.body.validation_errors.result).toBeDefined();
    } else {
      expect(response.status).toBe(201);
      expect(response.body.result).toEqual([marked('nul\u0000inside')]);
    }
  });
});
