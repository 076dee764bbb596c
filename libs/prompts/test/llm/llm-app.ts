import { DataSource } from 'typeorm';
import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { ConfigOverrides } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { PromptsHttpModule } from '@ls/prompts';

/** An app with Prompts whose providers' base URLs are the test servers on 127.0.0.1. */
export function createLlmApp(env: ConfigOverrides = {}): Promise<TestApp> {
  return createAuthTestApp({
    imports: [PromptsHttpModule],
    env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', ...env },
  });
}

/** Calls of the connections API as `account`, and reads of what they stored. */
export function connectionsApiOf(testApp: TestApp, account: TestAccount) {
  const dataSource = testApp.app.get(DataSource);
  const mark = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
  return {
    create: (body: Record<string, unknown>) =>
      testApp.http().post('/api/model-provider-connections/').set(account.headers).send(body),
    row: async (id: number): Promise<Record<string, unknown> | undefined> =>
      (
        await dataSource.query(`SELECT * FROM model_provider_connection WHERE id = ${mark(1)}`, [
          id,
        ])
      )[0],
    count: async (): Promise<number> =>
      Number((await dataSource.query('SELECT COUNT(*) AS n FROM model_provider_connection'))[0].n),
    query: (sql: string, ...params: unknown[]) => dataSource.query(sql, params),
    mark,
  };
}
