import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ViewsService } from '@ls/data-manager';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const FILTERS = {
  conjunction: 'and',
  items: [
    { filter: 'filter:tasks:total_annotations', operator: 'equal', type: 'Number', value: 0 },
  ],
};

/** JSON columns come back as text on SQLite and parsed on PostgreSQL. */
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

describe('data manager views (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let api: ReturnType<typeof dataManagerApiOf>;

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const storedView = async (id: number) => {
    const [row] = await dataSource.query(
      `SELECT project_id, user_id, "order", data, ordering, selected_items, filter_group
       FROM data_manager_view WHERE id = ${Number(id)}`,
    );
    return row
      ? {
          project_id: Number(row.project_id),
          user_id: row.user_id === null ? null : Number(row.user_id),
          order: Number(row.order),
          data: json(row.data),
          ordering: json(row.ordering),
          selected_items: json(row.selected_items),
          filter_group: json(row.filter_group),
        }
      : undefined;
  };
  const viewIdsOf = async (project: number) =>
    (
      await dataSource.query(
        `SELECT id FROM data_manager_view WHERE project_id = ${Number(project)} ORDER BY id`,
      )
    ).map((row: { id: unknown }) => Number(row.id));

  it('creates a view, keeps filters, ordering and selection apart and folds them back', async () => {
    const project = await api.project();
    const data = {
      title: 'Unlabeled',
      type: 'list',
      target: 'tasks',
      hiddenColumns: { explore: ['tasks:inner_id'], labeling: [] },
      columnsDisplayType: { 'tasks:data.score': 'Number' },
      filters: FILTERS,
      ordering: ['-tasks:id'],
      selectedItems: { all: false, included: [1, 2] },
    };
    const created = await http()
      .post('/api/dm/views/')
      .set(owner.headers)
      .send({ project, data })
      .expect(201);
    expect(created.body).toMatchObject({
      project,
      user: owner.userId,
      order: 0,
      data,
      ordering: ['-tasks:id'],
      selected_items: { all: false, included: [1, 2] },
    });
    const { filters, ordering, selectedItems, ...uiState } = data;
    expect(await storedView(created.body.id)).toEqual({
      project_id: project,
      user_id: owner.userId,
      order: 0,
      data: uiState,
      ordering,
      selected_items: selectedItems,
      filter_group: filters,
    });

    const second = await api.view(project, { title: 'Second' });
    expect(second.order).toBe(1);
    const listed = await http()
      .get(`/api/dm/views/?project=${project}`)
      .set(owner.headers)
      .expect(200);
    expect(listed.body.map((view: { id: number }) => view.id)).toEqual([
      created.body.id,
      second.id,
    ]);
    const got = await http()
      .get(`/api/dm/views/${created.body.id}/`)
      .set(owner.headers)
      .expect(200);
    expect(got.body).toEqual(created.body);

    const params = await testApp.app
      .get(ViewsService)
      .paramsOf({ organizationId: owner.organizationId } as never, created.body.id);
    expect(params).toEqual({
      projectId: project,
      filters: FILTERS,
      ordering: ['-tasks:id'],
      selectedItems: { all: false, included: [1, 2] },
      columnsDisplayType: { 'tasks:data.score': 'Number' },
      // Hidden in the table but shown beside the editor: not hidden (as Label Studio reads it).
      hiddenColumns: new Set(),
    });
  });

  it("accepts the contract's top-level filter_group, ordering and selected_items", async () => {
    const project = await api.project();
    const created = await http()
      .post('/api/dm/views/')
      .set(owner.headers)
      .send({
        project,
        data: { title: 'Top level' },
        filter_group: {
          conjunction: 'or',
          filters: [{ column: 'filter:tasks:id', type: 'Number', operator: 'greater', value: 3 }],
        },
        ordering: ['tasks:total_annotations'],
        selected_items: { all: true, excluded: [5] },
      })
      .expect(201);
    const filters = {
      conjunction: 'or',
      items: [{ filter: 'filter:tasks:id', type: 'Number', operator: 'greater', value: 3 }],
    };
    expect(created.body.data).toEqual({
      title: 'Top level',
      filters,
      ordering: ['tasks:total_annotations'],
      selectedItems: { all: true, excluded: [5] },
    });
    expect(await storedView(created.body.id)).toMatchObject({
      data: { title: 'Top level' },
      filter_group: filters,
      ordering: ['tasks:total_annotations'],
      selected_items: { all: true, excluded: [5] },
    });
  });

  it('PATCH changes what it is given, PUT replaces the whole view', async () => {
    const project = await api.project();
    const view = await api.view(project, { title: 'A', filters: FILTERS, ordering: ['tasks:id'] });

    const patched = await http()
      .patch(`/api/dm/views/${view.id}/`)
      .set(owner.headers)
      .send({ data: { title: 'B' } })
      .expect(200);
    expect(patched.body.data).toEqual({ title: 'B', filters: FILTERS, ordering: ['tasks:id'] });
    expect(await storedView(view.id)).toMatchObject({
      data: { title: 'B' },
      filter_group: FILTERS,
      ordering: ['tasks:id'],
    });

    await http()
      .patch(`/api/dm/views/${view.id}/`)
      .set(owner.headers)
      .send({ ordering: ['-tasks:id'] })
      .expect(200);
    expect(await storedView(view.id)).toMatchObject({
      data: { title: 'B' },
      ordering: ['-tasks:id'],
    });

    const replaced = await http()
      .put(`/api/dm/views/${view.id}/`)
      .set(owner.headers)
      .send({ project, data: { title: 'C' } })
      .expect(200);
    expect(replaced.body).toMatchObject({
      data: { title: 'C' },
      ordering: null,
      selected_items: null,
    });
    expect(await storedView(view.id)).toMatchObject({
      data: { title: 'C' },
      filter_group: null,
      ordering: null,
      selected_items: null,
    });
  });

  it('reorders and resets the views of one project, leaving other projects alone', async () => {
    const project = await api.project();
    const other = await api.project();
    const [a, b, c] = [await api.view(project), await api.view(project), await api.view(project)];
    const kept = await api.view(other);

    await http()
      .post('/api/dm/views/order/')
      .set(owner.headers)
      .send({ project, ids: [c.id, a.id, b.id, kept.id] })
      .expect(200);
    const orders = await dataSource.query(
      `SELECT id, "order" FROM data_manager_view WHERE project_id IN (${project}, ${other}) ORDER BY id`,
    );
    expect(
      orders.map((row: { id: unknown; order: unknown }) => [Number(row.id), Number(row.order)]),
    ).toEqual([
      [a.id, 1],
      [b.id, 2],
      [c.id, 0],
      [kept.id, 0],
    ]);
    const listed = await http()
      .get(`/api/dm/views/?project=${project}`)
      .set(owner.headers)
      .expect(200);
    expect(listed.body.map((view: { id: number }) => view.id)).toEqual([c.id, a.id, b.id]);

    await http().delete(`/api/dm/views/reset/?project=${project}`).set(owner.headers).expect(204);
    expect(await viewIdsOf(project)).toEqual([]);
    expect(await viewIdsOf(other)).toEqual([kept.id]);

    // the SDK's views.delete_all sends the project in the body
    await http()
      .delete('/api/dm/views/reset/')
      .set(owner.headers)
      .send({ project: other })
      .expect(204);
    expect(await viewIdsOf(other)).toEqual([]);
  });

  it('deletes one view', async () => {
    const project = await api.project();
    const [gone, stays] = [await api.view(project), await api.view(project)];
    await http().delete(`/api/dm/views/${gone.id}/`).set(owner.headers).expect(204);
    expect(await viewIdsOf(project)).toEqual([stays.id]);
    await http().get(`/api/dm/views/${gone.id}/`).set(owner.headers).expect(404);
  });

  it("answers 404 for another organization's views and projects and changes nothing", async () => {
    const project = await api.project();
    const view = await api.view(project, { title: 'Mine' });
    const as = stranger.headers;
    await http().get(`/api/dm/views/${view.id}/`).set(as).expect(404);
    await http()
      .patch(`/api/dm/views/${view.id}/`)
      .set(as)
      .send({ data: { title: 'X' } })
      .expect(404);
    await http()
      .put(`/api/dm/views/${view.id}/`)
      .set(as)
      .send({ data: { title: 'X' } })
      .expect(404);
    await http().patch(`/api/dm/views/${view.id}/`).set(as).send({ data: 5 }).expect(404);
    await http().delete(`/api/dm/views/${view.id}/`).set(as).expect(404);
    await http().get(`/api/dm/views/?project=${project}`).set(as).expect(404);
    await http().delete(`/api/dm/views/reset/?project=${project}`).set(as).expect(404);
    const listed = await http().get('/api/dm/views/').set(as).expect(200);
    expect(listed.body).toEqual([]);
    const created = await http().post('/api/dm/views/').set(as).send({ project }).expect(400);
    expect(created.body.validation_errors).toHaveProperty('project');
    await http()
      .post('/api/dm/views/order/')
      .set(as)
      .send({ project, ids: [view.id] })
      .expect(400);
    expect(await storedView(view.id)).toMatchObject({ data: { title: 'Mine' }, order: 0 });
    expect(await viewIdsOf(project)).toEqual([view.id]);
  });

  it('refuses bad bodies with 400 naming the field, writing nothing', async () => {
    const project = await api.project();
    const post = (body: Record<string, unknown>) =>
      http().post('/api/dm/views/').set(owner.headers).send(body).expect(400);
    const tooMany = Array.from({ length: 101 }, () => FILTERS.items[0]);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'project'],
      [{ project: 'x' }, 'project'],
      [{ project, data: [] }, 'data'],
      [
        { project, data: { filters: { conjunction: 'xor', items: [] } } },
        'data.filters.conjunction',
      ],
      [{ project, data: { filters: { conjunction: 'and', items: {} } } }, 'data.filters.items'],
      [
        { project, data: { filters: { conjunction: 'and', items: tooMany } } },
        'data.filters.items',
      ],
      [
        { project, data: { filters: { conjunction: 'and', items: [{ filter: 1 }] } } },
        'data.filters.items.0.filter',
      ],
      [{ project, data: { ordering: 'tasks:id' } }, 'data.ordering'],
      [{ project, data: { selectedItems: { all: 'yes' } } }, 'data.selectedItems'],
      [{ project, selected_items: { all: true, excluded: ['a'] } }, 'selected_items.excluded'],
      [{ project, filter_group: { conjunction: 'and', filters: 3 } }, 'filter_group.filters'],
      [{ project, data: { columnsDisplayType: { a: 1 } } }, 'data.columnsDisplayType'],
      [{ project, data: { title: 'nul \u0000' } }, 'data'],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.body.validation_errors).toHaveProperty([field]);
    }
    const view = await api.view(project, { title: 'Kept' });
    await http()
      .patch(`/api/dm/views/${view.id}/`)
      .set(owner.headers)
      .send({ data: { title: 'Changed', filters: { conjunction: 'nope' } } })
      .expect(400);
    await http()
      .post('/api/dm/views/order/')
      .set(owner.headers)
      .send({ project, ids: 'a' })
      .expect(400);
    await http().delete('/api/dm/views/reset/').set(owner.headers).expect(400);
    await http().get('/api/dm/views/?project=abc').set(owner.headers).expect(400);
    expect(await viewIdsOf(project)).toEqual([view.id]);
    expect(await storedView(view.id)).toMatchObject({ data: { title: 'Kept' } });
  });
});
