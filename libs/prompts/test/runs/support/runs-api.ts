import { TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { TaskBulkInsert } from '@ls/tasks';
import { CLASSIFICATION_CONFIG, promptsApiOf } from '../../prompts/support/prompts-api';

export interface RunBody {
  id: number;
  status: string;
  total_tasks: number;
  total_predictions: number;
  total_correct_predictions: number;
  [key: string]: unknown;
}

const FINISHED = ['Completed', 'Failed', 'Canceled'];

/** Review texts naming the label the test model answers (the first label a prompt mentions). */
export const labelOf = (n: number) => (n % 3 === 0 ? 'Negative' : 'Positive');
export const review = (n: number) => ({ text: `Review ${n}: ${labelOf(n)} overall` });

/** The prompts API plus what inference runs need: tasks in bulk, runs, waiting for them. */
export function runsApiOf(testApp: TestApp, account: TestAccount) {
  const api = promptsApiOf(testApp, account);
  const http = () => testApp.http();
  const runsOf = (prompt: number, version: number) =>
    `/api/prompts/${prompt}/versions/${version}/inference-runs`;
  return {
    ...api,
    runsOf,
    /** Tasks with these data, written at once (as an import does); their ids in order. */
    async tasks(project: number, data: Record<string, unknown>[]): Promise<number[]> {
      return testApp.app.get(TransactionRunner).run(async ({ manager }) => {
        const insert = await TaskBulkInsert.start(manager, { id: project });
        return insert.add(data.map((item) => ({ data: item })));
      });
    },
    async connection(body: Record<string, unknown>): Promise<number> {
      const response = await http()
        .post('/api/model-provider-connections/')
        .set(account.headers)
        .send(body)
        .expect(201);
      return response.body.id as number;
    },
    async version(prompt: number, body: Record<string, unknown>): Promise<number> {
      return (await api.createVersion(prompt, body).expect(201)).body.id as number;
    },
    async groundTruth(task: number, fromName: string, choice: string): Promise<void> {
      await http()
        .post(`/api/tasks/${task}/annotations`)
        .set(account.headers)
        .send({
          ground_truth: true,
          result: [
            { from_name: fromName, to_name: 'text', type: 'choices', value: { choices: [choice] } },
          ],
        })
        .expect(201);
    },
    async start(prompt: number, version: number, body: Record<string, unknown>): Promise<RunBody> {
      return (
        await http().post(runsOf(prompt, version)).set(account.headers).send(body).expect(201)
      ).body as RunBody;
    },
    async run(prompt: number, version: number, id: number): Promise<RunBody> {
      const listed = await http().get(runsOf(prompt, version)).set(account.headers).expect(200);
      const run = (listed.body as RunBody[]).find((candidate) => candidate.id === id);
      if (!run) throw new Error(`run ${id} not listed`);
      return run;
    },
    /** Polls the run until `done` holds (by default: finished); the run then. */
    /** A classification project of `count` reviews, a prompt on it, a version on gpt-4o. */
    async classification(count: number, title: string, connection: number) {
      const project = await api.project(CLASSIFICATION_CONFIG, title);
      const tasks = await this.tasks(
        project,
        Array.from({ length: count }, (_, n) => review(n + 1)),
      );
      const prompt = (await api.prompt({ title, associated_projects: [project] })).id;
      const version = await this.version(prompt, {
        title: `${title} v1`,
        prompt: 'Classify the sentiment of this text: {text}',
        provider: 'OpenAI',
        provider_model_id: 'gpt-4o',
        model_provider_connection: connection,
      });
      return { project, tasks, prompt, version };
    },
    async until(
      prompt: number,
      version: number,
      id: number,
      done: (run: RunBody) => boolean = (run) => FINISHED.includes(run.status),
      timeoutMs = 30_000,
    ): Promise<RunBody> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await this.run(prompt, version, id);
        if (done(run)) return run;
        if (Date.now() > deadline) throw new Error(`run still ${JSON.stringify(run)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
