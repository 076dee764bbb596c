import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { AnnotationsHttpModule } from '@ls/annotations';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { WebhooksHttpModule } from '@ls/webhooks';

export const SENTIMENT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;

/** An annotation result of SENTIMENT_CONFIG. */
export const sentiment = (choice: 'Positive' | 'Negative') => [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [choice] } },
];

/** The API with what webhooks are sent for, receivers on 127.0.0.1 allowed. */
export function webhooksTestApp(env: Record<string, string>): Promise<TestApp> {
  return createAuthTestApp({
    imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, WebhooksHttpModule],
    env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', ...env },
  });
}

export async function newSentimentProject(
  testApp: TestApp,
  account: TestAccount,
  title: string,
): Promise<number> {
  const created = await testApp
    .http()
    .post('/api/projects/')
    .set(account.headers)
    .send({ title, label_config: SENTIMENT_CONFIG })
    .expect(201);
  return created.body.id as number;
}
