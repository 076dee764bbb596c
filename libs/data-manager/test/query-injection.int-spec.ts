import { filterOf, QueryFixture, where } from './query/query-fixture';

const ATTACKS = [
  "'",
  "''",
  '"',
  "'); DROP TABLE task; --",
  "1' OR '1'='1",
  '$.a',
  '$',
  'a"b',
  'a.b[0]',
  '[0]',
  'a]',
  '\\',
  '%',
  '_',
  '*',
  ':dmq_1',
  '$1',
  '?',
];

/**
 * Injection attempts in values and in `data.<field>` names: each one is data, never SQL or JSON
 * path syntax, so it selects what its literal meaning selects (mostly nothing) or is a 400, and
 * the database is intact afterwards.
 */
describe('data manager filters: injection attempts', () => {
  let fixture: QueryFixture;
  let project: number;
  let ids: number[];

  beforeAll(async () => {
    fixture = await QueryFixture.start();
    project = await fixture.project();
    ids = await fixture.tasks(project, [
      { text: 'plain', a: { b: ['deep'] } },
      { text: "'); DROP TABLE task; --", 'a"b': 'quoted key', '$.a': 'dollar key' },
      { text: '%', 'a.b[0]': 'bracket key', '[0]': 'index key' },
    ]);
  });

  afterAll(() => fixture.close());

  const select = (params: unknown) => fixture.ids(project, params);

  it.each(ATTACKS)('value %j is compared as text', async (attack) => {
    for (const operator of ['equal', 'contains', 'regex', 'less']) {
      const selected = await select(where(filterOf('data.text', operator, 'String', attack)));
      const expected = ids.filter((_, index) => {
        const text = ['plain', "'); DROP TABLE task; --", '%'][index];
        if (operator === 'equal') return text === attack;
        if (operator === 'contains') return text.toLowerCase().includes(attack.toLowerCase());
        if (operator === 'less') return text < attack;
        try {
          return new RegExp(attack, 'u').test(text);
        } catch {
          return false;
        }
      });
      expect(selected).toEqual(expected);
    }
    expect(await select(where(filterOf('data.text', 'in_list', 'String', [attack, 'x'])))).toEqual(
      ids.filter((_, index) => ['plain', "'); DROP TABLE task; --", '%'][index] === attack),
    );
  });

  it.each(ATTACKS)('data key %j is a key, never a path', async (attack) => {
    // A dot nests (`data.a.b`), so a stored key holding a dot is out of reach, never a path.
    const hasKey = ids.filter(
      (_, index) =>
        !attack.includes('.') &&
        [[], ['a"b', '$.a'], ['a.b[0]', '[0]']][index].some((key) => key === attack),
    );
    expect(await select(where(filterOf(`data.${attack}`, 'empty', 'String', false)))).toEqual(
      hasKey,
    );
    expect(await select(where(filterOf(`data.${attack}`, 'greater', 'Number', 0)))).toEqual([]);
    expect(await select({ ordering: [`-tasks:data.${attack}`] })).toHaveLength(3);
    expect(await select({ ordering: [`tasks:data.${attack}`] })).toHaveLength(3);
  });

  it('reads keys with path syntax literally, and dots as nesting', async () => {
    const equal = (column: string, value: string) =>
      select(where(filterOf(column, 'equal', 'String', value)));
    expect(await equal('data.a"b', 'quoted key')).toEqual([ids[1]]);
    expect(await equal('data.$.a', 'dollar key')).toEqual([]);
    expect(await equal('data.[0]', 'index key')).toEqual([ids[2]]);
    expect(await select(where(filterOf('data.a.b', 'contains', 'String', 'deep')))).toEqual([
      ids[0],
    ]);
  });

  it.each([
    [filterOf("id'; DROP TABLE task; --", 'equal', 'Number', 1), 'filters.items.0.filter'],
    [filterOf('id', 'equal', 'Number', '1; DROP TABLE task'), 'filters.items.0.value'],
    [filterOf('data.text', 'equal', 'String', 'nul\u0000'), 'filters.items.0.value'],
    [filterOf('data.te\u0000xt', 'equal', 'String', 'x'), 'filters.items.0.filter'],
    [filterOf('annotators', 'contains', 'List', '1 OR 1=1'), 'filters.items.0.value'],
  ])('refuses %j with a 400', async (item, field) => {
    expect(Object.keys(await fixture.errors(project, where(item)))).toEqual([field]);
  });

  it('matches a catastrophic backtracking pattern in time linear in the text', async () => {
    // JavaScript's own RegExp would take longer than the universe's age on this text.
    const long = `${'a'.repeat(30_000)}!`;
    const other = await fixture.project();
    const [task] = await fixture.tasks(other, [{ text: long }]);
    for (const pattern of ['(a+)+$', '(a|aa)+$', '(a*)*b']) {
      expect(
        await fixture.ids(other, where(filterOf('data.text', 'regex', 'String', pattern))),
      ).toEqual([]);
    }
    expect(
      await fixture.ids(other, where(filterOf('data.text', 'regex', 'String', '(a+)+!$'))),
    ).toEqual([task]);
    for (const [table, column] of [
      ['task', 'project_id'],
      ['project', 'id'],
    ]) {
      await fixture.dataSource
        .createQueryBuilder()
        .delete()
        .from(table)
        .where(`${column} = :other`, { other })
        .execute();
    }
  }, 20_000);

  afterEach(async () => {
    expect(await fixture.count('task')).toBe(3);
    expect(await fixture.count('project')).toBe(1);
  });
});
