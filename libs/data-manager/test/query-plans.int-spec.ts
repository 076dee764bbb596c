import { parsePrepareParams, TaskQuery } from '@ls/data-manager';
import { filterOf, QueryFixture, where } from './query/query-fixture';

const TASKS = [
  { city: 'Paris' },
  { city: '5' },
  { city: 5 },
  { city: 'true' },
  { city: true },
  { city: '{"a":1}' },
  { city: { a: 1 } },
  { list: ['x', 'y'] },
  { list: { '0': 'x' } },
  { nested: { a: { b: 'Paris' } } },
  { nested: { a: 'Paris' } },
  { city: 'paris' },
];

/** Enough tasks in one project that an index beats reading them all. */
const PLANNED_TASKS = 3_000;

/**
 * Equality on a data field adds a containment test an index can answer (PostgreSQL), and the
 * orderings on task columns read their indexes: the results stay those of the plain comparison.
 */
describe('data manager query plans', () => {
  let fixture: QueryFixture;
  let project: number;
  let ids: number[];
  let postgres: boolean;
  let planned: number;

  beforeAll(async () => {
    fixture = await QueryFixture.start();
    postgres = fixture.dataSource.options.type === 'postgres';
    project = await fixture.project();
    ids = await fixture.tasks(project, TASKS);
    planned = await fixture.project();
    await fixture.tasks(
      planned,
      Array.from({ length: PLANNED_TASKS }, (_, n) => ({ nested: { a: { b: `city ${n}` } } })),
    );
    await fixture.dataSource.query('ANALYZE');
  });

  afterAll(() => fixture.close());

  const positions = async (params: unknown) =>
    (await fixture.ids(project, params)).map((id) => ids.indexOf(id) + 1);

  // Where the databases read a value differently (JSON text of an object, array positions),
  // the hint must not change what each of them selects.
  it.each([
    ['data.city', 'Paris', [1], [1]],
    ['data.city', '5', [2, 3], [2, 3]],
    ['data.city', 'true', [4, 5], [4, 5]],
    ['data.city', '{"a": 1}', [7], []],
    ['data.city', '{"a":1}', [6], [6, 7]],
    ['data.list.0', 'x', [8, 9], [9]],
    ['data.nested.a.b', 'Paris', [10], [10]],
    ['data.nested.a', 'Paris', [11], [11]],
  ])('%s equal %j selects what the text comparison does', async (column, value, pg, sqlite) => {
    const expected = postgres ? pg : sqlite;
    expect(await positions(where(filterOf(column, 'equal', 'String', value)))).toEqual(expected);
    const others = ids.map((_, index) => index + 1).filter((n) => !expected.includes(n));
    expect(await positions(where(filterOf(column, 'not_equal', 'String', value)))).toEqual(others);
  });

  it('refuses a value with NUL, which no database text holds', async () => {
    expect(
      await fixture.errors(project, where(filterOf('data.city', 'equal', 'String', 'a\u0000b'))),
    ).toHaveProperty(['filters.items.0.value']);
  });

  it('answers a data field equality from the GIN index on PostgreSQL', async () => {
    if (!postgres) return;
    const plan = await explain(where(filterOf('data.nested.a.b', 'equal', 'String', 'city 7')));
    expect(plan).toContain('IDX_task_data_path_ops');
  });

  it.each([
    ['created_at', 'IDX_task_project_id_created_at'],
    ['-updated_at', 'IDX_task_project_id_updated_at'],
    ['-total_annotations', 'IDX_task_project_id_counters'],
  ])('orders by %s from %s', async (ordering, index) => {
    expect(await explain({ ordering: [ordering] })).toContain(index);
  });

  /** The plan of the task list query for `params`, with sequential scans made unattractive. */
  async function explain(params: unknown): Promise<string> {
    return fixture.dataSource.transaction(async (manager) => {
      if (postgres) await manager.query('SET LOCAL enable_seqscan = off');
      const query = fixture.testApp.app
        .get(TaskQuery)
        .select(manager, planned, parsePrepareParams(params))
        .select('task.id', 'id')
        .limit(100);
      const [sql, values] = query.getQueryAndParameters();
      const rows: Record<string, unknown>[] = await manager.query(
        postgres ? `EXPLAIN ${sql}` : `EXPLAIN QUERY PLAN ${sql}`,
        values,
      );
      return rows.map((row) => String(row['QUERY PLAN'] ?? row['detail'])).join('\n');
    });
  }
});
