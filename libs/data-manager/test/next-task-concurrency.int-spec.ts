import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const ANNOTATORS = 16;
const TASKS = 50;
const cat = [{ from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } }];

jest.setTimeout(180_000);

/** The acceptance test of the stream: annotators at once never get the same task (overlap 1). */
describe('next task under concurrency (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let annotators: TestAccount[];
  let dataSource: DataSource;

  const http = () => testApp.http();
  const at = (position: number) => (dataSource.options.type === 'postgres' ? `$${position}` : '?');

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    owner = await createAccount(testApp.app);
    annotators = [];
    for (let n = 0; n < ANNOTATORS; n += 1) {
      annotators.push(
        await createAccount(testApp.app, { organizationId: owner.organizationId, role: 'AN' }),
      );
    }
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  /** next -> annotate until the project runs out; the tasks this annotator was given. */
  async function labelUntilDone(account: TestAccount, project: number): Promise<number[]> {
    const served: number[] = [];
    for (;;) {
      const response = await http()
        .get(`/api/projects/${project}/next/`)
        .set(account.headers)
        .skipContract('not in the contract');
      if (response.status === 404) return served;
      expect(response.status).toBe(200);
      served.push(response.body.id);
      await http()
        .post(`/api/tasks/${response.body.id}/annotations/`)
        .set(account.headers)
        .send({ result: cat })
        .expect(201);
    }
  }

  it(`${ANNOTATORS} annotators at once each get distinct tasks until ${TASKS} run out`, async () => {
    const api = dataManagerApiOf(testApp, owner);
    const project = await api.project();
    const tasks: number[] = [];
    for (let n = 1; n <= TASKS; n += 1)
      tasks.push(await api.task(project, { image: `${n}.jpg`, caption: `task ${n}` }));

    const served = await Promise.all(annotators.map((account) => labelUntilDone(account, project)));

    const all = served.flat().sort((x, y) => x - y);
    expect(all).toEqual(tasks);
    const rows: { task_id: number; n: number; annotators: number }[] = await dataSource.query(
      `SELECT task_id, COUNT(*) AS n, COUNT(DISTINCT completed_by_id) AS annotators FROM annotation WHERE project_id = ${at(1)} GROUP BY task_id`,
      [project],
    );
    expect(rows).toHaveLength(TASKS);
    expect(rows.every((row) => Number(row.n) === 1 && Number(row.annotators) === 1)).toBe(true);
    for (const [index, account] of annotators.entries()) {
      const mine: { task_id: number }[] = await dataSource.query(
        `SELECT task_id FROM annotation WHERE project_id = ${at(1)} AND completed_by_id = ${at(2)} ORDER BY task_id`,
        [project, account.userId],
      );
      expect(mine.map((row) => Number(row.task_id))).toEqual(
        [...served[index]].sort((x, y) => x - y),
      );
    }
    const labeled = await dataSource.query(
      `SELECT COUNT(*) AS n FROM task WHERE project_id = ${at(1)} AND is_labeled = ${at(2)}`,
      [project, dataSource.options.type === 'postgres' ? true : 1],
    );
    expect(Number(labeled[0].n)).toBe(TASKS);
  });
});
