import { In } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { Task, TaskRelations } from '@ls/tasks';
import { filterOf, QueryFixture, where } from './query/query-fixture';

const T = [
  { n: 5, s: 'Paris', b: true, nested: { a: { b: 'x' } }, d: '2024-01-10T00:00:00.000Z', mixed: 5 },
  {
    n: '7',
    s: 'paris club',
    b: false,
    nested: { a: { b: 'y' } },
    d: '2024-02-10T00:00:00Z',
    mixed: 'abc',
  },
  { n: 'abc', s: '', b: null, nested: { a: 1 }, d: 'not a date', mixed: null },
  { n: null, s: 'Berlin', nested: 'flat', mixed: true },
  { n: 10.5, s: 'LONDON', b: 'true', d: '2023-12-31' },
];

/**
 * Every operator on each type, on task columns and on `data.*` values of every JSON kind; the
 * tasks are named by position (1-5) and each case lists exactly the tasks it selects.
 */
describe('data manager filters (SQL)', () => {
  let fixture: QueryFixture;
  let project: number;
  let ids: number[];
  let annotationId: number;

  beforeAll(async () => {
    fixture = await QueryFixture.start();
    project = await fixture.project();
    ids = await fixture.tasks(project, T);
    annotationId = await fixture.annotate(ids[0], { ground_truth: true, lead_time: 10 });
    await fixture.annotate(ids[1], { result: [] }, '?was_cancelled=1');
    await fixture.predict(ids[2], { model_version: 'v1', score: 0.5 });
    await fixture.predict(ids[3], { model_version: 'v2', score: 0.9 });
    await fixture.draft(ids[4]);
    await fixture.dataSource
      .createQueryBuilder()
      .update('task')
      .set({ storage_filename: 'bucket/one.json' })
      .where({ id: ids[1] })
      .execute();
  });

  afterAll(() => fixture.close());

  const positions = (taskIds: number[]) => taskIds.map((id) => ids.indexOf(id) + 1);
  const select = async (params: unknown, options?: { numberColumns: string[] }) =>
    positions(await fixture.ids(project, params, options));

  it.each([
    ['data.n', 'equal', 'Number', 5, [1]],
    ['data.n', 'equal', 'Number', 7, [2]],
    ['data.n', 'not_equal', 'Number', 5, [2, 3, 4, 5]],
    ['data.n', 'greater', 'Number', 5, [2, 5]],
    ['data.n', 'less', 'Number', 10, [1, 2]],
    ['data.n', 'less_or_equal', 'Number', '7', [1, 2]],
    ['data.n', 'greater_or_equal', 'Number', 10.5, [5]],
    ['data.n', 'in', 'Number', { min: 5, max: 7 }, [1, 2]],
    ['data.n', 'not_in', 'Number', { min: 5, max: 7 }, [3, 4, 5]],
    ['data.n', 'in_list', 'Number', [5, 10.5], [1, 5]],
    ['data.n', 'not_in_list', 'Number', [5], [2, 3, 4, 5]],
    ['data.n', 'empty', 'Number', true, [4]],
    ['data.n', 'empty', 'Number', false, [1, 2, 3, 5]],
    ['data.s', 'contains', 'String', 'PAR', [1, 2]],
    ['data.s', 'not_contains', 'String', 'par', [3, 4, 5]],
    ['data.s', 'equal', 'String', 'Paris', [1]],
    ['data.s', 'not_equal', 'String', 'Paris', [2, 3, 4, 5]],
    ['data.s', 'regex', 'String', '^P', [1]],
    ['data.s', 'regex', 'String', '[', []],
    ['data.s', 'empty', 'String', true, [3]],
    ['data.s', 'empty', 'String', 'false', [1, 2, 4, 5]],
    ['data.s', 'in_list', 'String', ['Berlin', 'LONDON'], [4, 5]],
    ['data.s', 'less', 'String', 'M', [3, 4, 5]],
    ['data.b', 'equal', 'Boolean', true, [1]],
    ['data.b', 'equal', 'Boolean', false, [2]],
    ['data.b', 'not_equal', 'Boolean', true, [2, 3, 4, 5]],
    ['data.b', 'empty', 'Boolean', true, [3, 4]],
    ['data.nested.a.b', 'equal', 'String', 'x', [1]],
    ['data.nested.a.b', 'contains', 'String', 'Y', [2]],
    ['data.nested.a.b', 'empty', 'String', true, [3, 4, 5]],
    ['data.nested.a', 'greater', 'Number', 0, [3]],
    ['data.d', 'greater', 'Datetime', '2024-01-01T00:00:00.000Z', [1, 2]],
    ['data.d', 'less', 'Datetime', '2024-01-01T00:00:00.000Z', [5]],
    [
      'data.d',
      'in',
      'Datetime',
      { min: '2024-01-01T00:00:00.000Z', max: '2024-01-31T00:00:00.000Z' },
      [1],
    ],
    [
      'data.d',
      'not_in',
      'Datetime',
      { min: '2024-01-01T00:00:00.000Z', max: '2024-01-31T00:00:00.000Z' },
      [2, 3, 4, 5],
    ],
    ['data.mixed', 'equal', 'Unknown', '5', [1]],
    ['data.mixed', 'equal', 'Unknown', 'true', [4]],
    ['data.mixed', 'contains', 'Unknown', 'AB', [2]],
    ['data.mixed', 'empty', 'Unknown', true, [3, 5]],
    ['data.mixed', 'greater', 'Number', 0, [1]],
    ['data.missing', 'empty', 'String', true, [1, 2, 3, 4, 5]],
    ['id', 'in_list', 'Number', 'ids:2,4', [2, 4]],
    ['id', 'not_in_list', 'Number', 'ids:2,4', [1, 3, 5]],
    ['inner_id', 'greater', 'Number', 3, [4, 5]],
    ['inner_id', 'in', 'Number', { min: 2, max: 3 }, [2, 3]],
    ['total_annotations', 'greater', 'Number', 0, [1]],
    ['total_annotations', 'empty', 'Number', true, [2, 3, 4, 5]],
    ['cancelled_annotations', 'equal', 'Number', 1, [2]],
    ['total_predictions', 'empty', 'Number', true, [1, 2, 5]],
    ['annotators', 'contains', 'List', 'owner', [1]],
    ['annotators', 'not_contains', 'List', 'owner', [2, 3, 4, 5]],
    ['annotators', 'empty', 'List', true, [2, 3, 4, 5]],
    ['updated_by', 'empty', 'List', true, [5]],
    ['updated_by', 'contains', 'List', 'owner', [1, 2, 3, 4]],
    ['annotations_results', 'contains', 'String', 'positive', [1]],
    ['annotations_results', 'empty', 'String', true, [3, 4, 5]],
    ['annotations_results', 'equal', 'String', JSON.stringify([]), [2]],
    ['annotations_ids', 'contains', 'String', 'annotation', [1]],
    ['predictions_results', 'regex', 'String', 'Neg', [3, 4]],
    ['predictions_model_versions', 'contains', 'List', 'v1', [3]],
    ['predictions_model_versions', 'contains', 'List', ['v1', 'v2'], [3, 4]],
    ['predictions_model_versions', 'not_contains', 'List', 'v2', [1, 2, 3, 5]],
    ['predictions_score', 'greater', 'Number', 0.6, [4]],
    ['predictions_score', 'empty', 'Number', true, [1, 2, 5]],
    ['avg_lead_time', 'greater_or_equal', 'Number', 10, [1]],
    ['ground_truth', 'equal', 'Boolean', true, [1]],
    ['ground_truth', 'equal', 'Boolean', false, [2, 3, 4, 5]],
    ['draft_exists', 'equal', 'Boolean', true, [5]],
    ['completed_at', 'empty', 'Datetime', false, [1]],
    ['created_at', 'less', 'Datetime', '2999-01-01T00:00:00.000Z', [1, 2, 3, 4, 5]],
    ['updated_at', 'greater', 'Datetime', '2999-01-01T00:00:00.000Z', []],
    ['storage_filename', 'contains', 'String', 'ONE.json', [2]],
    ['storage_filename', 'equal', 'String', 'bucket/one.json', [2]],
    ['storage_filename', 'empty', 'String', true, [1, 3, 4, 5]],
  ])('%s %s (%s) %j', async (column, operator, type, value, expected) => {
    const resolved =
      value === 'owner'
        ? fixture.owner.userId
        : value === 'annotation'
          ? String(annotationId)
          : value === 'ids:2,4'
            ? [ids[1], ids[3]]
            : value;
    expect(await select(where(filterOf(column, operator, type, resolved)))).toEqual(expected);
  });

  it('joins items with and / or, and a child filter with its parent', async () => {
    const byNumber = filterOf('data.n', 'equal', 'Number', 5);
    const byCity = filterOf('data.s', 'equal', 'String', 'Berlin');
    expect(await select({ filters: { conjunction: 'or', items: [byNumber, byCity] } })).toEqual([
      1, 4,
    ]);
    expect(await select({ filters: { conjunction: 'and', items: [byNumber, byCity] } })).toEqual(
      [],
    );
    const parent = filterOf('data.s', 'contains', 'String', 'par', {
      child_filter: filterOf('data.n', 'equal', 'Number', 7),
    });
    expect(await select(where(parent))).toEqual([2]);
  });

  it('skips items on other tables or without a value', async () => {
    const skipped = [
      { filter: 'filter:annotations:id', operator: 'equal', type: 'Number', value: 1 },
      filterOf('data.n', 'equal', 'Number', null),
    ];
    expect(await select(where(...skipped))).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    [['tasks:data.n'], [], [5, 1, 2, 3, 4]],
    [['-tasks:data.n'], [], [3, 2, 1, 5, 4]],
    [['tasks:data.n'], ['tasks:data.n'], [1, 2, 5, 3, 4]],
    [['-tasks:data.n'], ['tasks:data.n'], [5, 2, 1, 3, 4]],
    [['-tasks:id'], [], [5, 4, 3, 2, 1]],
    [[], [], [1, 2, 3, 4, 5]],
    [['-tasks:total_annotations', 'tasks:id'], [], [1, 2, 3, 4, 5]],
    [['tasks:predictions_score'], [], [3, 4, 1, 2, 5]],
    [['-tasks:predictions_score'], [], [4, 3, 1, 2, 5]],
    [['tasks:data.nested.a.b'], [], [1, 2, 3, 4, 5]],
    [['-tasks:annotators'], [], [1, 2, 3, 4, 5]],
  ])('orders by %j (numbers: %j), nulls last', async (ordering, numberColumns, expected) => {
    expect(await select({ ordering }, { numberColumns })).toEqual(expected);
  });

  it('applies the selected items with the filters', async () => {
    expect(await select({ selectedItems: { all: false, included: [ids[1], ids[3]] } })).toEqual([
      2, 4,
    ]);
    expect(await select({ selectedItems: { all: true, excluded: [ids[0]] } })).toEqual([
      2, 3, 4, 5,
    ]);
    expect(await select({ selectedItems: { all: false, included: [] } })).toEqual([]);
    expect(
      await select({
        ...where(filterOf('data.s', 'contains', 'String', 'par')),
        selectedItems: { all: true, excluded: [ids[0]] },
      }),
    ).toEqual([2]);
  });

  it.each([
    [where(filterOf('nope', 'equal', 'Number', 1)), 'filters.items.0.filter'],
    [where(filterOf('annotators', 'equal', 'List', 1)), 'filters.items.0.operator'],
    [where(filterOf('annotators', 'contains', 'List', 'me')), 'filters.items.0.value'],
    [where(filterOf('data.n', 'equal', 'Number', 'five')), 'filters.items.0.value'],
    [where(filterOf('data.d', 'less', 'Datetime', 'yesterday')), 'filters.items.0.value'],
    [where(filterOf('data.n', 'in', 'Number', 5)), 'filters.items.0.value'],
    [where(filterOf('total_annotations', 'in_list', 'Number', [1])), 'filters.items.0.operator'],
    [where(filterOf('data.n', 'like', 'Number', 1)), 'filters.items.0.operator'],
    [where(filterOf('data.n', 'equal', 'Decimal', 1)), 'filters.items.0.type'],
    [{ filters: { conjunction: 'xor', items: [] } }, 'filters.conjunction'],
    [{ ordering: ['tasks:nope'] }, 'ordering'],
    [{ selectedItems: { all: false, included: ['x'] } }, 'selectedItems.included'],
    ['{not json', 'query'],
  ])('refuses %j with a 400 on %s', async (params, field) => {
    expect(Object.keys(await fixture.errors(project, params))).toEqual([field]);
  });

  it('refuses more than 10,000 ids and more than 100 items', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => i + 1);
    expect(
      await fixture.errors(project, { selectedItems: { all: false, included: many } }),
    ).toEqual({ 'selectedItems.included': ['Ensure this field has no more than 10000 elements.'] });
    const items = Array.from({ length: 101 }, () => filterOf('id', 'equal', 'Number', 1));
    expect(Object.keys(await fixture.errors(project, where(...items)))).toEqual(['filters.items']);
  });

  it("scores the predictions of the project's model version only, once it names one", async () => {
    const setVersion = (model_version: string) =>
      fixture.testApp
        .http()
        .patch(`/api/projects/${project}/`)
        .set(fixture.owner.headers)
        .send({ model_version })
        .expect(200);
    await setVersion('v2');
    try {
      expect(await select(where(filterOf('predictions_score', 'greater', 'Number', 0.1)))).toEqual([
        4,
      ]);
      expect(await select({ ordering: ['-tasks:predictions_score'] })).toEqual([4, 1, 2, 3, 5]);
      const tasks = await fixture.dataSource.getRepository(Task).findBy({ id: In(ids) });
      const auth = { user: { id: fixture.owner.userId } } as AuthContext;
      const related = await fixture.testApp.app
        .get(TaskRelations)
        .relatedTo(tasks, auth, { lists: false, columns: new Set(['predictions_score']) });
      const scores = ids.map((id) => related.get(id)?.predictions_score ?? null);
      expect(scores).toEqual([null, null, null, 0.9, null]);
    } finally {
      await setVersion('');
    }
  });
});
