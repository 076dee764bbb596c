import { TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { TaskBulkInsert } from '@ls/tasks';
import { promptsApiOf } from '../../prompts/support/prompts-api';

export const TEMPLATE = 'Classify the sentiment of this review as Positive or Negative: {text}';

/** A choice result of the classification project, for annotations and predictions. */
export const choice = (label: string) => [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [label] } },
];

/**
 * What the cost and refine tests start from, made through the API as `account`: an OpenAI
 * connection (to the test server), a classification project, a prompt on it and its version.
 */
export async function buildLlmWorld(testApp: TestApp, account: TestAccount, title = 'Sentiment') {
  const api = promptsApiOf(testApp, account);
  const http = api.http;
  const connection = (
    await http()
      .post('/api/model-provider-connections/')
      .set(account.headers)
      .send({ provider: 'OpenAI', api_key: 'sk-test-key' })
      .expect(201)
  ).body.id as number;
  const project = await api.project();
  const prompt = await api.prompt({ title, associated_projects: [project] });
  const version = (
    await api
      .createVersion(prompt.id, {
        title: `${title} v1`,
        prompt: TEMPLATE,
        provider: 'OpenAI',
        provider_model_id: 'gpt-4o',
        model_provider_connection: connection,
      })
      .expect(201)
  ).body as { id: number; title: string };
  return {
    api,
    connection,
    project,
    prompt: prompt.id,
    version,
    /** Tasks with these texts (in the world's project unless `into`), written at once (as an import does); their ids in order. */
    async tasks(texts: string[], into = project): Promise<number[]> {
      return testApp.app.get(TransactionRunner).run(async ({ manager }) => {
        const insert = await TaskBulkInsert.start(manager, { id: into });
        return insert.add(texts.map((text) => ({ data: { text } })));
      });
    },
    async groundTruth(task: number, label: string): Promise<void> {
      await http()
        .post(`/api/tasks/${task}/annotations`)
        .set(account.headers)
        .send({ result: choice(label), ground_truth: true })
        .expect(201);
    },
    async prediction(task: number, label: string, modelVersion = version.title): Promise<void> {
      await http()
        .post('/api/predictions')
        .set(account.headers)
        .send({ task, result: choice(label), model_version: modelVersion })
        .expect(201);
    },
  };
}
