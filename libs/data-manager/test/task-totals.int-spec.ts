import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="Positive"/></Choices></View>`;

const choice = [
  { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } },
];

const inParis = JSON.stringify({
  filters: {
    conjunction: 'and',
    items: [
      { filter: 'filter:tasks:data.city', operator: 'equal', type: 'String', value: 'Paris' },
    ],
  },
});

/**
 * The list's totals, kept between requests on PostgreSQL until the project's tasks change: every
 * kind of write shows in the next list, whichever process or statement made it.
 */
describe('task list totals (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;
  let postgres: boolean;
  let project: number;
  let paris: number[];

  const http = () => testApp.http();
  const totals = async (query?: string) => {
    const params: Record<string, string | number> = { project, page_size: 1 };
    if (query) params.query = query;
    const response = await http().get('/api/tasks/').query(params).set(owner.headers).expect(200);
    const { total, total_annotations, total_predictions } = response.body;
    return { total, total_annotations, total_predictions };
  };
  const counted = async (city?: string) => {
    const [row] = await dataSource.query(
      `SELECT COUNT(*) AS total, COALESCE(SUM(total_annotations), 0) AS total_annotations,` +
        ` COALESCE(SUM(total_predictions), 0) AS total_predictions FROM task` +
        ` WHERE project_id = ${postgres ? '$1' : '?'}` +
        (city
          ? ` AND ${postgres ? "data->>'city' = $2" : "json_extract(data, '$.city') = ?"}`
          : ''),
      city ? [project, city] : [project],
    );
    return {
      total: Number(row.total),
      total_annotations: Number(row.total_annotations),
      total_predictions: Number(row.total_predictions),
    };
  };
  const expectFresh = async () => {
    expect(await totals(inParis)).toEqual(await counted('Paris'));
    expect(await totals()).toEqual(await counted());
  };

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    postgres = dataSource.options.type === 'postgres';
    const api = dataManagerApiOf(testApp, owner);
    project = await api.project({ label_config: CONFIG });
    paris = [];
    for (const city of ['Paris', 'Oslo', 'Paris', 'Rome']) {
      const id = await api.task(project, { text: city, city });
      if (city === 'Paris') paris.push(id);
    }
  });

  afterAll(() => testApp.close());

  it('follows tasks, annotations and predictions written through the API', async () => {
    await expectFresh();
    expect(await totals(inParis)).toEqual({ total: 2, total_annotations: 0, total_predictions: 0 });

    const annotation = await http()
      .post(`/api/tasks/${paris[0]}/annotations/`)
      .set(owner.headers)
      .send({ result: choice })
      .expect(201);
    expect(await totals(inParis)).toEqual({ total: 2, total_annotations: 1, total_predictions: 0 });

    await http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task: paris[1], result: choice, score: 0.5, model_version: 'v1' })
      .expect(201);
    expect(await totals(inParis)).toEqual({ total: 2, total_annotations: 1, total_predictions: 1 });

    await http().delete(`/api/annotations/${annotation.body.id}/`).set(owner.headers).expect(204);
    expect(await totals(inParis)).toEqual({ total: 2, total_annotations: 0, total_predictions: 1 });

    await http()
      .patch(`/api/tasks/${paris[1]}/`)
      .set(owner.headers)
      .send({ data: { text: 'moved', city: 'Lyon' } })
      .expect(200);
    expect(await totals(inParis)).toEqual({ total: 1, total_annotations: 0, total_predictions: 0 });

    const api = dataManagerApiOf(testApp, owner);
    for (const data of [
      { text: 'a', city: 'Paris' },
      { text: 'b', city: 'Paris' },
      { text: 'c' },
    ]) {
      await api.task(project, data);
    }
    expect(await totals(inParis)).toEqual({ total: 3, total_annotations: 0, total_predictions: 0 });

    await http().delete(`/api/tasks/${paris[0]}/`).set(owner.headers).expect(204);
    await expectFresh();
    expect(await totals(inParis)).toMatchObject({ total: 2 });
  });

  it('follows writes made outside this process, straight in the database', async () => {
    await expectFresh();
    const placeholder = postgres ? '$1' : '?';
    await dataSource.query(
      `UPDATE task SET data = ${postgres ? `'{"city":"Paris"}'::jsonb` : `'{"city":"Paris"}'`}` +
        ` WHERE project_id = ${placeholder}`,
      [project],
    );
    await expectFresh();
    await dataSource.query(`DELETE FROM task WHERE project_id = ${placeholder}`, [project]);
    expect(await totals(inParis)).toEqual({ total: 0, total_annotations: 0, total_predictions: 0 });
  });

  it('keeps the totals of a selection between requests until the tasks change (PostgreSQL)', async () => {
    if (!postgres) return;
    const api = dataManagerApiOf(testApp, owner);
    await api.task(project, { text: 'kept', city: 'Paris' });
    const before = await totals(inParis);
    // A row written with triggers off moves no version: the list answers from what it kept.
    const runner = dataSource.createQueryRunner();
    await runner.query("SET session_replication_role = 'replica'");
    await runner.query(
      `INSERT INTO task (project_id, data, inner_id) VALUES ($1, '{"city":"Paris"}', 1000)`,
      [project],
    );
    await runner.query("SET session_replication_role = 'origin'");
    await runner.release();
    expect(await totals(inParis)).toEqual(before);
    // Filters that read other tables are counted each time.
    const notAnnotatedByAnyone = JSON.stringify({
      filters: {
        conjunction: 'and',
        items: [
          { filter: 'filter:tasks:data.city', operator: 'equal', type: 'String', value: 'Paris' },
          { filter: 'filter:tasks:annotators', operator: 'empty', type: 'List', value: true },
        ],
      },
    });
    expect(await totals(notAnnotatedByAnyone)).toMatchObject({ total: before.total + 1 });
    // The next committed change moves the version: everything counts afresh.
    await api.task(project, { text: 'next', city: 'Paris' });
    expect(await totals(inParis)).toMatchObject({ total: before.total + 2 });
  });

  it('stays exact while tasks are written during the requests', async () => {
    const api = dataManagerApiOf(testApp, owner);
    await Promise.all(
      Array.from({ length: 12 }, async (_, n) => {
        await Promise.all([api.task(project, { text: `t${n}`, city: 'Paris' }), totals(inParis)]);
        await totals(inParis);
      }),
    );
    await expectFresh();
  });
});
