import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AnnotationDraft, AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { TaskBulkInsert, TasksHttpModule } from '@ls/tasks';
import {
  DataManagerModule,
  parsePrepareParams,
  TaskQuery,
  TaskQueryOptions,
} from '@ls/data-manager';

export const SENTIMENT_CONFIG = `<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text">
    <Choice value="Positive"/><Choice value="Negative"/>
  </Choices>
</View>`;

export const choice = (value: string) => [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [value] } },
];

/** An app with the data manager, one account, and shortcuts to make and query tasks. */
export class QueryFixture {
  private constructor(
    readonly testApp: TestApp,
    readonly owner: TestAccount,
  ) {}

  static async start(): Promise<QueryFixture> {
    const testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, DataManagerModule],
    });
    return new QueryFixture(testApp, await createAccount(testApp.app));
  }

  get dataSource(): DataSource {
    return this.testApp.app.get(DataSource);
  }

  close(): Promise<void> {
    return this.testApp.close();
  }

  async project(): Promise<number> {
    const response = await this.testApp
      .http()
      .post('/api/projects/')
      .set(this.owner.headers)
      .send({ title: 'Queried', label_config: SENTIMENT_CONFIG })
      .expect(201);
    return response.body.id;
  }

  /** Inserts tasks with these data, returning their ids in order. */
  async tasks(projectId: number, data: Record<string, unknown>[]): Promise<number[]> {
    const project = await this.testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: projectId });
    return this.testApp.app.get(TransactionRunner).run(async ({ manager }) => {
      const insert = await TaskBulkInsert.start(manager, project);
      return insert.add(data.map((entry) => ({ data: entry })));
    });
  }

  async annotate(task: number, body: Record<string, unknown>, query = ''): Promise<number> {
    const response = await this.testApp
      .http()
      .post(`/api/tasks/${task}/annotations/${query}`)
      .set(this.owner.headers)
      .send({ result: choice('Positive'), ...body })
      .expect(201);
    return response.body.id;
  }

  async predict(task: number, body: Record<string, unknown>): Promise<number> {
    const response = await this.testApp
      .http()
      .post('/api/predictions/')
      .set(this.owner.headers)
      .send({ task, result: choice('Negative'), ...body })
      .expect(201);
    return response.body.id;
  }

  async draft(task: number): Promise<void> {
    await this.testApp.app
      .get<Repository<AnnotationDraft>>(getRepositoryToken(AnnotationDraft))
      .insert({ task_id: task, user_id: this.owner.userId, result: choice('Positive') });
  }

  /** Ids of the tasks `params` select, in their order. */
  async ids(projectId: number, params: unknown, options?: TaskQueryOptions): Promise<number[]> {
    const query = this.testApp.app
      .get(TaskQuery)
      .select(this.dataSource.manager, projectId, parsePrepareParams(params), options);
    const rows: { id: unknown }[] = await query.select('task.id', 'id').getRawMany();
    return rows.map((row) => Number(row.id));
  }

  /** The validation errors `params` are refused with (fails when they are accepted). */
  async errors(projectId: number, params: unknown): Promise<Record<string, string[]>> {
    try {
      await this.ids(projectId, params);
    } catch (error) {
      if (error instanceof ValidationFailedException) return error.errors;
      throw error;
    }
    throw new Error(`accepted: ${JSON.stringify(params)}`);
  }

  async count(table: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(row.n);
  }
}

export const filterOf = (
  column: string,
  operator: string,
  type: string,
  value: unknown,
  extra: Record<string, unknown> = {},
) => ({ filter: `filter:tasks:${column}`, operator, type, value, ...extra });

export const where = (...items: ReturnType<typeof filterOf>[]) => ({
  filters: { conjunction: 'and', items },
});
