import { DataSource } from 'typeorm';
import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { ActivityLog, ActivityLogBuffer, AnalyticsHttpModule } from '@ls/analytics';
import { AnnotationsHttpModule } from '@ls/annotations';
import { ConfigOverrides } from '@ls/core';
import { TestApp, TestAppOptions } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';

export const SENTIMENT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;

export const POSITIVE = [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } },
];

/** The API with the routes whose writes the tests make, and the analytics routes. */
export function analyticsTestApp(
  env: ConfigOverrides = {},
  imports: TestAppOptions['imports'] = [],
): Promise<TestApp> {
  return createAuthTestApp({
    imports: [
      ProjectsHttpModule,
      TasksHttpModule,
      AnnotationsHttpModule,
      AnalyticsHttpModule,
      ...(imports ?? []),
    ],
    env,
  });
}

export async function newProject(
  testApp: TestApp,
  account: TestAccount,
  title = 'Logged',
): Promise<number> {
  const created = await testApp
    .http()
    .post('/api/projects/')
    .set(account.headers)
    .send({ title, label_config: SENTIMENT_CONFIG })
    .expect(201);
  return created.body.id as number;
}

/** Every entry in the table, oldest first. */
export function allEntries(testApp: TestApp): Promise<ActivityLog[]> {
  return testApp.app
    .get(DataSource)
    .getRepository(ActivityLog)
    .find({ order: { id: 'ASC' } });
}

/**
 * Waits until `count` entries exist beyond the first `after` (the onResponse hook runs once the
 * answer is sent, so the last one may arrive a moment after the client has it), then lets a
 * moment pass to see that no more come.
 */
export async function settledEntries(
  testApp: TestApp,
  count: number,
  after = 0,
): Promise<ActivityLog[]> {
  const buffer = testApp.app.get(ActivityLogBuffer);
  const deadline = Date.now() + 15_000;
  let entries: ActivityLog[] = [];
  while (Date.now() < deadline) {
    await buffer.flush();
    entries = (await allEntries(testApp)).slice(after);
    if (entries.length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await buffer.flush();
  return (await allEntries(testApp)).slice(after);
}
