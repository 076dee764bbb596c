import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { ConfigOverrides } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { PromptsHttpModule } from '@ls/prompts';
import { TasksHttpModule } from '@ls/tasks';

export const CLASSIFICATION_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
export const NER_CONFIG = `<View><Labels name="label" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
  <Text name="text" value="$text"/></View>`;
export const BOTH_CONFIG = `<View><Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/></Labels>
  <Choices name="kind" toName="text"><Choice value="A"/></Choices></View>`;
export const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="kind" toName="image"><Choice value="Cat"/></Choices></View>`;
export const TEXT_ONLY_CONFIG = `<View><Text name="text" value="$text"/>
  <TextArea name="answer" toName="text"/></View>`;

/** An app with Prompts and what their projects, tasks and predictions are seen through. */
export function createPromptsApp(env: ConfigOverrides = {}): Promise<TestApp> {
  return createAuthTestApp({
    imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, PromptsHttpModule],
    env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', ...env },
  });
}

/** Calls of the prompts API as `account`, and reads of what they stored. */
export function promptsApiOf(testApp: TestApp, account: TestAccount) {
  const http = () => testApp.http();
  const dataSource = testApp.app.get(DataSource);
  const mark = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
  const query = (sql: string, ...parameters: unknown[]) =>
    dataSource.query(
      sql.replace(/\$(\d+)/g, (_m, n) => mark(Number(n))),
      parameters,
    ) as Promise<Record<string, unknown>[]>;
  return {
    http,
    query,
    async count(sql: string, ...parameters: unknown[]): Promise<number> {
      return Number((await query(sql, ...parameters))[0].n);
    },
    async project(labelConfig = CLASSIFICATION_CONFIG, title = 'Reviews'): Promise<number> {
      const response = await http()
        .post('/api/projects/')
        .set(account.headers)
        .send({ title, label_config: labelConfig })
        .expect(201);
      return response.body.id as number;
    },
    createPrompt: (body: Record<string, unknown>) =>
      http().post('/api/prompts/').set(account.headers).send(body),
    async prompt(body: Record<string, unknown>): Promise<Record<string, unknown> & { id: number }> {
      return (await this.createPrompt(body).expect(201)).body;
    },
    createVersion: (prompt: number, body: Record<string, unknown>) =>
      http().post(`/api/prompts/${prompt}/versions`).set(account.headers).send(body),
  };
}
