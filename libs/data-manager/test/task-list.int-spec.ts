import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/></Choices></View>`;

const positive = [
  { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } },
];

/** GET /api/tasks/: the data manager's list of a project or a view, filtered and ordered in SQL. */
describe('task list (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let project: number;
  let ids: number[];

  const http = () => testApp.http();
  const list = (params: Record<string, string | number>, account = owner) =>
    http().get('/api/tasks/').query(params).set(account.headers);
  const listed = async (params: Record<string, string | number>) =>
    idsOf((await list(params).expect(200)).body);
  const idsOf = (body: { tasks: { id: number }[] }) => body.tasks.map((task) => task.id);
  const query = (value: unknown) => JSON.stringify(value);

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, DataManagerHttpModule],
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    const created = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Cities', label_config: CONFIG })
      .expect(201);
    project = created.body.id;
    ids = [];
    for (const [text, city, score] of [
      ['one', 'Paris', 3],
      ['two', 'Berlin', 10],
      ['three', 'Parma', 2],
      ['four', 'Oslo', null],
    ] as const) {
      const task = await http()
        .post('/api/tasks/')
        .set(owner.headers)
        .send({ project, data: { text, city, score } })
        .expect(201);
      ids.push(task.body.id);
    }
    await http()
      .post(`/api/tasks/${ids[1]}/annotations/`)
      .set(owner.headers)
      .send({ result: positive })
      .expect(201);
  });

  afterAll(() => testApp.close());

  it('pages a project with the totals of the whole selection', async () => {
    const page = await list({ project, page_size: 2, fields: 'task_only' }).expect(200);
    expect(idsOf(page.body)).toEqual(ids.slice(0, 2));
    expect(page.body).toMatchObject({ total: 4, total_annotations: 1, total_predictions: 0 });
    const second = await list({ project, page_size: 2, page: 2 }).expect(200);
    expect(idsOf(second.body)).toEqual(ids.slice(2));
    expect(second.body.tasks[0].annotations).toEqual([]);
  });

  it('computes the lists with fields=all, the result columns only when asked', async () => {
    const annotated = (body: { tasks: Record<string, unknown>[] }) =>
      body.tasks.find((task) => task.id === ids[1]) as Record<string, unknown>;
    const plain = annotated((await list({ project }).expect(200)).body);
    expect(plain).toMatchObject({
      annotations: [],
      predictions: [],
      annotators: [owner.userId],
      annotations_results: '',
      predictions_results: '',
    });
    expect(plain.annotations_ids).toMatch(/^[0-9]+$/);

    const all = annotated((await list({ project, fields: 'all' }).expect(200)).body);
    expect(all.annotations).toHaveLength(1);
    expect(JSON.parse(String(all.annotations_results))).toEqual([positive]);

    const included = annotated(
      (await list({ project, include: 'annotations_results,tasks:ground_truth' }).expect(200)).body,
    );
    expect(JSON.parse(String(included.annotations_results))).toEqual([positive]);
    expect(included).toMatchObject({ annotators: [], annotations_ids: '', annotations: [] });
    // The SDK's `get_paginated_tasks(only_ids=True)`: every key, nothing computed.
    const idsOnly = annotated(
      (await list({ project, fields: 'all', include: 'id' }).expect(200)).body,
    );
    expect(idsOnly).toMatchObject({ annotations: [], annotators: [], annotations_results: '' });
    const withLists = annotated(
      (await list({ project, fields: 'all', include: 'id,annotations' }).expect(200)).body,
    );
    expect(withLists.annotations).toHaveLength(1);

    const viewWith = async (hidden: string[]) =>
      (
        await http()
          .post('/api/dm/views/')
          .set(owner.headers)
          .send({ project, data: { hiddenColumns: { explore: hidden, labeling: hidden } } })
          .expect(201)
      ).body.id;
    const shows = annotated((await list({ view: await viewWith([]) }).expect(200)).body);
    expect(JSON.parse(String(shows.annotations_results))).toEqual([positive]);
    const hides = annotated(
      (await list({ view: await viewWith(['tasks:annotations_results']) }).expect(200)).body,
    );
    expect(hides).toMatchObject({ annotations_results: '', annotators: [owner.userId] });
  });

  it('filters on a data field and on counters, in SQL, with the totals of the filter', async () => {
    const paris = await list({
      project,
      query: query({
        filters: {
          conjunction: 'and',
          items: [
            {
              filter: 'filter:tasks:data.city',
              operator: 'contains',
              type: 'String',
              value: 'par',
            },
          ],
        },
      }),
    }).expect(200);
    expect(idsOf(paris.body)).toEqual([ids[0], ids[2]]);
    expect(paris.body.total).toBe(2);

    const annotated = await list({
      project,
      query: query({
        filters: {
          conjunction: 'or',
          items: [
            {
              filter: 'filter:tasks:total_annotations',
              operator: 'greater',
              type: 'Number',
              value: 0,
            },
            { filter: 'filter:tasks:data.city', operator: 'equal', type: 'String', value: 'Oslo' },
          ],
        },
      }),
    }).expect(200);
    expect(idsOf(annotated.body)).toEqual([ids[1], ids[3]]);
    expect(annotated.body).toMatchObject({ total: 2, total_annotations: 1 });
  });

  it('orders by -id and by a data field, and keeps only the selected items', async () => {
    expect(await listed({ project, query: query({ ordering: ['-tasks:id'] }) })).toEqual(
      [...ids].reverse(),
    );
    expect(await listed({ project, query: query({ ordering: ['tasks:data.city'] }) })).toEqual([
      ids[1],
      ids[3],
      ids[0],
      ids[2],
    ]);
    const excluded = query({ selectedItems: { all: true, excluded: [ids[0]] } });
    expect(await listed({ project, query: excluded })).toEqual(ids.slice(1));
    const included = query({ all: false, included: [ids[2]] });
    expect(await listed({ project, selectedItems: included })).toEqual([ids[2]]);
    expect(await listed({ project, only_annotated: 'true' })).toEqual([ids[1]]);
  });

  it("applies a view's stored filters and ordering", async () => {
    const view = await http()
      .post('/api/dm/views/')
      .set(owner.headers)
      .send({
        project,
        data: {
          title: 'Numbers',
          filters: {
            conjunction: 'and',
            items: [
              { filter: 'filter:tasks:data.score', operator: 'greater', type: 'Number', value: 2 },
            ],
          },
          ordering: ['-tasks:data.score'],
          columnsDisplayType: { 'tasks:data.score': 'Number' },
        },
      })
      .expect(201);
    const listed = await list({ view: view.body.id }).expect(200);
    expect(idsOf(listed.body)).toEqual([ids[1], ids[0]]);
    expect(listed.body.total).toBe(2);
  });

  it('refuses a bad query, an unknown column and a missing project or view', async () => {
    const bad = await list({ project, query: '{not json' }).expect(400);
    expect(bad.body.validation_errors).toHaveProperty('query');
    const unknown = await list({
      project,
      query: query({
        filters: {
          conjunction: 'and',
          items: [{ filter: 'filter:tasks:nope', operator: 'equal', type: 'String', value: 'x' }],
        },
      }),
    }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('nope');
    const neither = await http().get('/api/tasks/').set(owner.headers).expect(404);
    expect(neither.body.detail).toBe('Neither project nor view id specified');
    await list({ project }, stranger).expect(404);
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM task'))[0].n)).toBe(4);
  });
});
