import { DataSource } from 'typeorm';
import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

export const SENTIMENT_CONFIG = `<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
</View>`;

export const choice = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

export const span = (label: string) => ({
  id: `r${label}`,
  from_name: 'ner',
  to_name: 'text',
  type: 'labels',
  value: { start: 0, end: 4, text: 'John', labels: [label] },
});

/**
 * Makes every current member of the organization a member of the project: annotators and
 * reviewers see only published projects they belong to.
 */
export async function joinEveryone(testApp: TestApp, account: TestAccount, project: number) {
  await testApp
    .http()
    .post(`/api/projects/${project}/members/bulk`)
    .set(account.headers)
    .send({ all: true })
    .expect(200);
}

/** API calls of one account, failing loudly on an unexpected status. */
export function apiOf(testApp: TestApp, account: TestAccount) {
  return {
    /** A published project every current member of the organization belongs to. */
    async project(body: Record<string, unknown> = {}): Promise<number> {
      const response = await testApp
        .http()
        .post('/api/projects/')
        .set(account.headers)
        .send({ title: 'Annotated', label_config: SENTIMENT_CONFIG, is_published: true, ...body })
        .expect(201);
      await joinEveryone(testApp, account, response.body.id);
      return response.body.id;
    },
    async task(project: number, text = 'John works at Acme'): Promise<number> {
      const response = await testApp
        .http()
        .post('/api/tasks/')
        .set(account.headers)
        .send({ project, data: { text } })
        .expect(201);
      return response.body.id;
    },
    async annotate(task: number, body: Record<string, unknown> = {}, query = '') {
      const response = await testApp
        .http()
        .post(`/api/tasks/${task}/annotations/${query}`)
        .set(account.headers)
        .send({ result: [choice('Positive')], ...body })
        .expect(201);
      return response.body as { id: number } & Record<string, unknown>;
    },
    async predict(task: number, body: Record<string, unknown> = {}) {
      const response = await testApp
        .http()
        .post('/api/predictions/')
        .set(account.headers)
        .send({ task, result: [choice('Negative')], score: 0.5, model_version: 'v1', ...body })
        .expect(201);
      return response.body as { id: number } & Record<string, unknown>;
    },
  };
}

export interface StoredTaskCounters {
  id: number;
  total_annotations: number;
  cancelled_annotations: number;
  total_predictions: number;
  is_labeled: boolean;
}

/** The stored counters of a project's tasks beside a recount from the rows. */
export async function storedAndRecounted(dataSource: DataSource, projectId: number) {
  const stored: StoredTaskCounters[] = (
    await dataSource.query(
      `SELECT id, total_annotations, cancelled_annotations, total_predictions, is_labeled
       FROM task WHERE project_id = ${Number(projectId)} ORDER BY id`,
    )
  ).map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    total_annotations: Number(row.total_annotations),
    cancelled_annotations: Number(row.cancelled_annotations),
    total_predictions: Number(row.total_predictions),
    is_labeled: Boolean(row.is_labeled),
  }));
  const recounted: StoredTaskCounters[] = (
    await dataSource.query(
      `SELECT t.id,
        (SELECT COUNT(*) FROM annotation a WHERE a.task_id = t.id AND NOT a.was_cancelled) AS total,
        (SELECT COUNT(*) FROM annotation a WHERE a.task_id = t.id AND a.was_cancelled) AS cancelled,
        (SELECT COUNT(*) FROM prediction p WHERE p.task_id = t.id) AS predictions,
        (SELECT COUNT(DISTINCT a.completed_by_id) FROM annotation a
          WHERE a.task_id = t.id AND NOT a.was_cancelled) AS annotators,
        t.overlap
       FROM task t WHERE t.project_id = ${Number(projectId)} ORDER BY t.id`,
    )
  ).map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    total_annotations: Number(row.total),
    cancelled_annotations: Number(row.cancelled),
    total_predictions: Number(row.predictions),
    is_labeled: Number(row.annotators) >= Number(row.overlap),
  }));
  return { stored, recounted };
}
