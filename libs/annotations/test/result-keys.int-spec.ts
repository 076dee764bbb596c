import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf } from './fixtures';

const OBJECT_PROPERTIES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Control and object names in results are data: a name such as `__proto__` is just unknown. */
describe('result names that are object properties (e2e)', () => {
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

  const count = async (table: string, taskId: number) =>
    Number(
      (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE task_id = ${taskId}`))[0].n,
    );

  it.each(OBJECT_PROPERTIES)(
    'from_name or to_name %s is a 400 naming the result, for annotations and predictions',
    async (name) => {
      const project = await api.project();
      const task = await api.task(project);
      const asControl = { from_name: name, to_name: 'text', type: 'choices', value: {} };
      const asObject = {
        from_name: 'sentiment',
        to_name: name,
        type: 'choices',
        value: { choices: ['Positive'] },
      };
      for (const item of [asControl, asObject]) {
        const annotation = await testApp
          .http()
          .post(`/api/tasks/${task}/annotations/`)
          .set(owner.headers)
          .send({ result: [item] })
          .expect(400);
        expect(annotation.body.validation_errors.result[0]).toContain(`"${name}"`);
        const prediction = await testApp
          .http()
          .post('/api/predictions/')
          .set(owner.headers)
          .send({ task, result: [item] })
          .expect(400);
        expect(prediction.body.validation_errors.result[0]).toContain(`"${name}"`);
      }
      expect(await count('annotation', task)).toBe(0);
      expect(await count('prediction', task)).toBe(0);
    },
  );
});
