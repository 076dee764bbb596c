import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { ConfigOverrides, JobQueue, TransactionRunner, waitForJob } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { PromptsHttpModule } from '@ls/prompts';
import { TaskBulkInsert, TasksHttpModule } from '@ls/tasks';

export const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;

/** An app with ML backends and what their tasks are seen through; the fake server is allowed. */
export function createMlApp(env: ConfigOverrides = {}): Promise<TestApp> {
  return createAuthTestApp({
    imports: [
      ProjectsHttpModule,
      TasksHttpModule,
      AnnotationsHttpModule,
      DataManagerHttpModule,
      PromptsHttpModule,
    ],
    env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', ...env },
  });
}

/** Calls of the API as `account`, and reads of the database to check what they did. */
export function mlApiOf(testApp: TestApp, account: TestAccount) {
  const http = () => testApp.http();
  const dataSource = testApp.app.get(DataSource);
  const mark = (position: number) =>
    dataSource.options.type === 'postgres' ? `$${position}` : '?';
  return {
    http,
    async project(settings: Record<string, unknown> = {}): Promise<number> {
      const response = await http()
        .post('/api/projects/')
        .set(account.headers)
        .send({ title: 'ML project', label_config: TEXT_CONFIG, ...settings })
        .expect(201);
      return response.body.id as number;
    },
    /** `count` tasks `{text: "task <n>..."}` written at once (as an import does); their ids. */
    async tasks(project: number, count: number): Promise<number[]> {
      const items = Array.from({ length: count }, (_, n) => ({
        data: { text: `task ${n + 1}${'!'.repeat(n % 3)}` },
      }));
      return testApp.app.get(TransactionRunner).run(async ({ manager }) => {
        const insert = await TaskBulkInsert.start(manager, { id: project });
        return insert.add(items);
      });
    },
    async backend(project: number, url: string, body: Record<string, unknown> = {}) {
      const response = await http()
        .post('/api/ml/')
        .set(account.headers)
        .send({ url, project, ...body })
        .expect(201);
      return response.body as Record<string, unknown> & { id: number };
    },
    async count(sql: string, ...parameters: unknown[]): Promise<number> {
      const [row] = await dataSource.query(
        sql.replace(/\$(\d+)/g, (_m, n) => mark(Number(n))),
        parameters,
      );
      return Number(row.n);
    },
    predictionsOf(project: number) {
      return this.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project);
    },
    counterSumOf(project: number) {
      return this.count(
        'SELECT COALESCE(SUM(total_predictions), 0) AS n FROM task WHERE project_id = $1',
        project,
      );
    },
    query: (sql: string, ...parameters: unknown[]) =>
      dataSource.query(
        sql.replace(/\$(\d+)/g, (_m, n) => mark(Number(n))),
        parameters,
      ),
    /** Waits for a queued predict job to finish; its result. */
    async finished(job: string) {
      const done = await waitForJob(testApp.app.get(JobQueue), 'ml', job, 60_000);
      if (done?.status !== 'completed') throw new Error(`job ${job}: ${JSON.stringify(done)}`);
      return done.result as { predicted: number; error: string | null };
    },
  };
}

/** Runs `check` until it passes (every 100 ms), failing with its last error after `timeoutMs`. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
